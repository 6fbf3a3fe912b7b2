package org.oostkit.wrt.adapters.jobs;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The retention warning mail to an organisation admin. Implemented by the mail module (integration note: the
 * class implementing {@code org.oostkit.wrt.adapters.mail.OutgoingMail} implements this too, with its
 * "retention warning" template). Without an implementation the retention job does nothing at all: a
 * campaign is never erased by retention without its admins having been warned.
 */
public interface RetentionMail {

    /**
     * Tells an admin that a campaign's data will be erased at {@code erasureAt}, stated in the campaign's
     * {@code zone} (the campaign link leads to its exports, to save what they need first).
     */
    void sendRetentionWarning(String email, String organisationName, String campaignName, Instant erasureAt,
                              ZoneId zone, URI campaignLink);
}
