package org.oostkit.wrt.api.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;

import java.time.Instant;
import java.time.Period;
import java.util.List;

/** Commands on the Campaign aggregate. Every command names the organisation it is sent for. */
public final class CampaignCommands {

    private CampaignCommands() {
    }

    public record CreateCampaign(@TargetAggregateIdentifier CampaignId campaignId,
                                 OrganisationId organisationId,
                                 CampaignSettings settings) {
    }

    public record ChangeCampaignDetails(@TargetAggregateIdentifier CampaignId campaignId,
                                        OrganisationId organisationId,
                                        CampaignSettings settings) {
    }

    /** Gives the campaign a time zone of its own (an IANA id), or blank/null to follow its organisation's. */
    public record ChangeCampaignTimeZone(@TargetAggregateIdentifier CampaignId campaignId,
                                         OrganisationId organisationId,
                                         String timeZone) {
    }

    /** Ends the campaign: no more rounds. Starts the retention clock. */
    public record CompleteCampaign(@TargetAggregateIdentifier CampaignId campaignId,
                                   OrganisationId organisationId) {
    }

    /** Adds one seed person; answers with the person's id. */
    public record AddSeedPerson(@TargetAggregateIdentifier CampaignId campaignId,
                                OrganisationId organisationId,
                                String name,
                                String email) {
    }

    /** Adds many seed people at once; answers with a {@link SeedBatchResult}. */
    public record AddSeedPeople(@TargetAggregateIdentifier CampaignId campaignId,
                                OrganisationId organisationId,
                                List<SeedRow> rows) {

        /** At most this many people at once: the campaign refuses more, the upload's default limit is this. */
        public static final int MAX_ROWS = 10_000;
    }

    /** Removes a seed person who has not been contacted yet. */
    public record RemoveSeedPerson(@TargetAggregateIdentifier CampaignId campaignId,
                                   OrganisationId organisationId,
                                   PersonId personId) {
    }

    /**
     * Starts the next round: contacts everyone in the roster never contacted before. Answers with the
     * round's number.
     *
     * @param reminderDaysBefore ignored unless {@code reminderEnabled}
     */
    public record StartRound(@TargetAggregateIdentifier CampaignId campaignId,
                             OrganisationId organisationId,
                             RoundId roundId,
                             Instant deadline,
                             boolean reminderEnabled,
                             int reminderDaysBefore) {
    }

    /**
     * A nominator's whole current list, sent by the nomination policy on every submission: new people join
     * the roster; a nominated person not asked yet whom no nominator names any more (an address corrected,
     * a name withdrawn) leaves it.
     */
    public record AddNominees(@TargetAggregateIdentifier CampaignId campaignId,
                              OrganisationId organisationId,
                              PersonId nominatorId,
                              int roundNumber,
                              List<NomineeEntry> nominees) {
    }

    /**
     * Erases the whole campaign on an admin's request: no round may be open (close it first, so no mail
     * goes out and no nomination comes in for an erased campaign).
     */
    public record EraseCampaign(@TargetAggregateIdentifier CampaignId campaignId,
                                OrganisationId organisationId) {
    }

    /**
     * Erases one person's data from the campaign (right to erasure), found by their email address; answers
     * with the person's id.
     */
    public record ErasePerson(@TargetAggregateIdentifier CampaignId campaignId,
                              OrganisationId organisationId,
                              String email) {
    }

    /**
     * Sent by the retention job: a completed campaign whose retention period (counted from its completion)
     * runs out within 30 days records the 30-day warning, within 7 days the 7-day warning; once the
     * period is over and the 7-day warning's announced date has passed, it is erased. Answers with a
     * {@link RetentionOutcome}.
     */
    public record ApplyRetention(@TargetAggregateIdentifier CampaignId campaignId,
                                 OrganisationId organisationId,
                                 Period retention) {
    }

    /**
     * Chooses a person of the roster for the workshop, with an optional note ({@link
     * org.oostkit.wrt.api.common.TextRule#SHORTLIST_NOTE}); also after the campaign is completed.
     */
    public record ShortlistPerson(@TargetAggregateIdentifier CampaignId campaignId,
                                  OrganisationId organisationId,
                                  PersonId personId,
                                  String note) {
    }

    /** Takes a person off the workshop shortlist again. */
    public record RemoveFromShortlist(@TargetAggregateIdentifier CampaignId campaignId,
                                      OrganisationId organisationId,
                                      PersonId personId) {
    }

    /** Closes the workshop shortlist as final (it must hold someone). */
    public record CloseShortlist(@TargetAggregateIdentifier CampaignId campaignId,
                                 OrganisationId organisationId) {
    }

    /**
     * Mails "you have been selected" to everyone on the shortlist not told yet (nor erased), with an optional
     * message ({@link org.oostkit.wrt.api.common.TextRule#SELECTION_MESSAGE}); answers how many were asked for.
     */
    public record TellTheChosen(@TargetAggregateIdentifier CampaignId campaignId,
                                OrganisationId organisationId,
                                String message) {
    }

    /** Sent by the mail sender: how the selection mail to a person ended ({@code providerMessageId} set: sent). */
    public record RecordSelectionMail(@TargetAggregateIdentifier CampaignId campaignId,
                                      OrganisationId organisationId,
                                      PersonId personId,
                                      String providerMessageId,
                                      String reason,
                                      boolean uncertain) {
    }
}
