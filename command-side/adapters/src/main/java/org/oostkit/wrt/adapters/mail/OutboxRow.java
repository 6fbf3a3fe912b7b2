package org.oostkit.wrt.adapters.mail;

import org.oostkit.wrt.api.campaign.CampaignSender;

import java.time.Instant;
import java.util.UUID;

/**
 * A claimed outbox row with everything its mail says; {@code timeZone} null: the configured default;
 * {@code language}: the campaign's (en, nl, de, fr).
 */
record OutboxRow(UUID invitationId,
                 String purpose,
                 UUID organisationId,
                 UUID campaignId,
                 int attempts,
                 String email,
                 String name,
                 String slug,
                 String organisationName,
                 String campaignName,
                 String invitationText,
                 Instant deadline,
                 String timeZone,
                 CampaignSender sender,
                 String language) {

    /** A row of a campaign in English. */
    OutboxRow(UUID invitationId, String purpose, UUID organisationId, UUID campaignId, int attempts, String email,
              String name, String slug, String organisationName, String campaignName, String invitationText,
              Instant deadline, String timeZone, CampaignSender sender) {
        this(invitationId, purpose, organisationId, campaignId, attempts, email, name, slug, organisationName,
                campaignName, invitationText, deadline, timeZone, sender, "en");
    }

    /** A row of a campaign that names no sender. */
    OutboxRow(UUID invitationId, String purpose, UUID organisationId, UUID campaignId, int attempts, String email,
              String name, String slug, String organisationName, String campaignName, String invitationText,
              Instant deadline, String timeZone) {
        this(invitationId, purpose, organisationId, campaignId, attempts, email, name, slug, organisationName,
                campaignName, invitationText, deadline, timeZone, CampaignSender.NONE);
    }

    @Override
    public String toString() {
        return "OutboxRow[invitation=" + invitationId + ", purpose=" + purpose + ", attempts=" + attempts + "]";
    }
}
