package org.oostkit.wrt.adapters.mail;

import java.util.Optional;
import java.util.UUID;

/** An organisation's logo as its mails embed it (a PNG), if it has one. */
public interface MailLogos {

    Optional<byte[]> png(UUID organisationId);
}
