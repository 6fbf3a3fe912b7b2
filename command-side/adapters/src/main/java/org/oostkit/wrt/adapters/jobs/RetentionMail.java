package org.oostkit.wrt.adapters.jobs;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The retention warning mail to an admin; without an implementation the job erases nothing, since nobody
 * could have been warned.
 */
public interface RetentionMail {

    /**
     * Tells an admin that a campaign's data will be erased at {@code erasureAt}, stated in the campaign's
     * {@code zone} (the campaign link leads to its exports, to save what they need first).
     */
    void sendRetentionWarning(String email, String organisationName, String campaignName, Instant erasureAt,
                              ZoneId zone, URI campaignLink);
}
