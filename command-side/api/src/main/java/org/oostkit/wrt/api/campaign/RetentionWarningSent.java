package org.oostkit.wrt.api.campaign;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.organisation.OrganisationId;

import java.time.Instant;

/**
 * The organisation's admins are warned that the campaign will be erased at {@code erasureAt}, when its
 * retention period has run out. Each kind of warning is recorded (and mailed) once; the campaign is never
 * erased by retention before the date its last warning announced.
 */
@Revision("1")
public record RetentionWarningSent(
    OrganisationId organisationId,
    CampaignId campaignId,
    RetentionWarning warning,
    Instant erasureAt) implements CampaignEvent {
}
