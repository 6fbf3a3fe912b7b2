package org.oostkit.wrt.query.campaign;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.oostkit.wrt.api.campaign.CampaignCompleted;
import org.oostkit.wrt.api.campaign.CampaignCreated;
import org.oostkit.wrt.api.campaign.CampaignDetailsChanged;
import org.oostkit.wrt.api.campaign.CampaignErased;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.campaign.PeopleContacted;
import org.oostkit.wrt.api.campaign.PersonDroppedFromRoster;
import org.oostkit.wrt.api.campaign.PersonErased;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.campaign.PersonNominatedIntoCampaign;
import org.oostkit.wrt.api.campaign.SeedPersonAdded;
import org.oostkit.wrt.api.campaign.SeedPersonRemoved;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.common.PersonalData;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.nomination.NominationRevised;
import org.oostkit.wrt.api.nomination.NominationSubmitted;
import org.oostkit.wrt.api.nomination.Nominee;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.query.config.DefersWrites;
import org.oostkit.wrt.query.config.ReadModelWrites;
import org.oostkit.wrt.query.config.ReadModelWrites.Stage;
import org.oostkit.wrt.query.config.ReadModels;
import org.oostkit.wrt.query.round.LiveRounds;
import org.oostkit.wrt.query.tenant.ReadModelReset;
import org.oostkit.wrt.query.tenant.TenantDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Campaign summary, roster with convergence counts, and the nomination edges. Tables are addressed with
 * their tenant schema in every statement (never a session {@code search_path}), so a pooled connection
 * carries nothing from one tenant to the next. Every handler can run again on the same event without
 * changing the result. Handlers marked {@link DefersWrites} leave part of their writes to the end of the batch
 * ({@link ReadModelWrites}).
 */
@Component
@ProcessingGroup(ReadModels.GROUP)
class CampaignProjection {

    private final JdbcTemplate jdbc;
    private final TenantDirectory tenants;
    private final LiveCampaigns live;
    private final LiveRounds liveRounds;
    private final ReadModelReset reset;
    private final ReadModelWrites writes;

    CampaignProjection(JdbcTemplate jdbc, TenantDirectory tenants, LiveCampaigns live, LiveRounds liveRounds,
                       ReadModelReset reset, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.tenants = tenants;
        this.live = live;
        this.liveRounds = liveRounds;
        this.reset = reset;
    }

    /** A replay starts from empty tables, for every tenant of the processing group (rounds included). */
    @ResetHandler
    void reset() {
        reset.truncateAll();
    }

    @EventHandler
    void on(CampaignCreated event, @Timestamp Instant at, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        String s = tenants.schemaForEvent(tenant, event.organisationId());
        CampaignSettings c = event.settings();
        jdbc.update("INSERT INTO " + s + ".campaign (campaign_id, name, description, invitation_text, "
                        + "convergence_threshold, default_round_days, reminder_enabled, reminder_days_before, status, "
                        + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?) "
                        + "ON CONFLICT (campaign_id) DO NOTHING",
                event.campaignId().value(), c.name(), c.description(), c.invitationText(), c.convergenceThreshold(),
                c.defaultRoundDays(), c.reminderEnabled(), c.reminderDaysBefore(), ts(at), ts(at));
        changed(event.organisationId(), event.campaignId());
    }

    @EventHandler
    void on(CampaignDetailsChanged event, @Timestamp Instant at, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        String s = tenants.schemaForEvent(tenant, event.organisationId());
        CampaignSettings c = event.settings();
        jdbc.update("UPDATE " + s + ".campaign SET name = ?, description = ?, invitation_text = ?, "
                        + "convergence_threshold = ?, default_round_days = ?, reminder_enabled = ?, "
                        + "reminder_days_before = ?, updated_at = ? WHERE campaign_id = ?",
                c.name(), c.description(), c.invitationText(), c.convergenceThreshold(), c.defaultRoundDays(),
                c.reminderEnabled(), c.reminderDaysBefore(), ts(at), event.campaignId().value());
        changed(event.organisationId(), event.campaignId());
    }

    @EventHandler
    void on(CampaignCompleted event, @Timestamp Instant at, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        String s = tenants.schemaForEvent(tenant, event.organisationId());
        jdbc.update("UPDATE " + s + ".campaign SET status = 'COMPLETED', completed_at = ?, updated_at = ? "
                + "WHERE campaign_id = ?", ts(at), ts(at), event.campaignId().value());
        changed(event.organisationId(), event.campaignId());
    }

    /**
     * An erased campaign leaves no row behind: its names and addresses are unreadable anyway, and its
     * settings and counts go with it. A replay gives the same (the rebuild model removes it as well).
     */
    @EventHandler
    void on(CampaignErased event, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        String s = tenants.schemaForEvent(tenant, event.organisationId());
        for (String table : new String[]{"nomination", "contact", "person", "round", "campaign"}) {
            jdbc.update("DELETE FROM " + s + "." + table + " WHERE campaign_id = ?", event.campaignId().value());
        }
        changed(event.organisationId(), event.campaignId());
    }

    /**
     * One person erased: their name and address, the reasons given for naming them and the reasons they gave
     * read as erased (a replay gives the same rows); every count stays.
     */
    @EventHandler
    void on(PersonErased event, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        String s = tenants.schemaForEvent(tenant, event.organisationId());
        UUID campaign = event.campaignId().value();
        UUID person = event.personId().value();
        jdbc.update("UPDATE " + s + ".person SET name = " + erased("name") + ", email = " + erased("email")
                + ", set_aside_note = '' WHERE campaign_id = ? AND person_id = ?", campaign, person);
        jdbc.update("UPDATE " + s + ".contact SET name = " + erased("name") + ", email = " + erased("email")
                + " WHERE campaign_id = ? AND person_id = ?", campaign, person);
        jdbc.update("UPDATE " + s + ".nomination SET nominee_name = " + erased("nominee_name") + ", nominee_email = "
                + erased("nominee_email") + ", reason = " + erased("reason")
                + " WHERE campaign_id = ? AND nominee_id = ?", campaign, person);
        // the reasons they wrote about others are their words (often naming themselves): gone from the read
        // models too, though their ciphertext stays in the history under the other person's key
        jdbc.update("UPDATE " + s + ".nomination SET reason = " + erased("reason")
                + " WHERE campaign_id = ? AND nominator_id = ?", campaign, person);
        changed(event.organisationId(), event.campaignId());
    }

    /** A recorded value reads as erased; a value never given (null) stays null, as on replay. */
    private static String erased(String column) {
        return "CASE WHEN " + column + " IS NULL THEN NULL ELSE '" + PersonalData.ERASED + "' END";
    }

    @EventHandler
    void on(SeedPersonAdded event, @Timestamp Instant at, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        String s = tenants.schemaForEvent(tenant, event.organisationId());
        jdbc.update("INSERT INTO " + s + ".person (campaign_id, person_id, name, email, source, in_roster, added_at) "
                        + "VALUES (?, ?, ?, ?, 'SEED', TRUE, ?) ON CONFLICT (campaign_id, person_id) DO UPDATE "
                        + "SET name = EXCLUDED.name, email = EXCLUDED.email, source = 'SEED', in_roster = TRUE",
                event.campaignId().value(), event.personId().value(), event.name(), event.email(), ts(at));
        changed(event.organisationId(), event.campaignId());
    }

    @EventHandler
    void on(SeedPersonRemoved event, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        leaveRoster(tenants.schemaForEvent(tenant, event.organisationId()), event.campaignId(), event.personId(),
                ", source = 'NOMINATED'");
        changed(event.organisationId(), event.campaignId());
    }

    @EventHandler
    void on(PersonDroppedFromRoster event, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        leaveRoster(tenants.schemaForEvent(tenant, event.organisationId()), event.campaignId(), event.personId(), "");
        changed(event.organisationId(), event.campaignId());
    }

    /** Gone if nobody names them; otherwise kept (out of the roster) for convergence. */
    private void leaveRoster(String s, CampaignId campaign, PersonId person, String alsoSet) {
        jdbc.update("DELETE FROM " + s + ".person WHERE campaign_id = ? AND person_id = ? AND nominator_count = 0",
                campaign.value(), person.value());
        jdbc.update("UPDATE " + s + ".person SET in_roster = FALSE, set_aside = FALSE, set_aside_note = ''" + alsoSet
                        + " WHERE campaign_id = ? AND person_id = ?",
                campaign.value(), person.value());
    }

    /**
     * Waits for the batch's end together with the nominations' own person rows: whichever runs first, the
     * row ends the same (this one inserts or overwrites, theirs only inserts).
     */
    @EventHandler
    @DefersWrites
    void on(PersonNominatedIntoCampaign event, @Timestamp Instant at, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        String s = tenants.schemaForEvent(tenant, event.organisationId());
        writes.update(Stage.ROWS, "INSERT INTO " + s + ".person (campaign_id, person_id, name, email, source, in_roster, added_at, "
                        + "entered_round) VALUES (?, ?, ?, ?, 'NOMINATED', TRUE, ?, ?) "
                        + "ON CONFLICT (campaign_id, person_id) DO UPDATE SET in_roster = TRUE, "
                        + "entered_round = EXCLUDED.entered_round, name = EXCLUDED.name, email = EXCLUDED.email, "
                        + "added_at = EXCLUDED.added_at",
                event.campaignId().value(), event.personId().value(), event.name(), event.email(), ts(at),
                event.roundNumber());
        changed(event.organisationId(), event.campaignId());
    }

    @EventHandler
    void on(PeopleContacted event, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        String s = tenants.schemaForEvent(tenant, event.organisationId());
        UUID[] ids = event.personIds().stream().map(PersonId::value).toArray(UUID[]::new);
        jdbc.update("UPDATE " + s + ".person SET contacted_round = ? WHERE campaign_id = ? AND person_id = ANY (?)",
                event.roundNumber(), event.campaignId().value(), ids);
        changed(event.organisationId(), event.campaignId());
    }

    @EventHandler
    @DefersWrites
    void on(NominationSubmitted event, @Timestamp Instant at, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        String s = tenants.schemaForEvent(tenant, event.organisationId());
        replaceNominations(s, event.campaignId(), event.roundId(), event.roundNumber(), event.invitationId(),
                event.nominatorId(), event.nominees(), event.answered(), at, false);
        changed(event.organisationId(), event.campaignId());
        liveRounds.roundChanged(event.organisationId(), event.campaignId(), event.roundNumber());
    }

    @EventHandler
    @DefersWrites
    void on(NominationRevised event, @Timestamp Instant at, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        String s = tenants.schemaForEvent(tenant, event.organisationId());
        replaceNominations(s, event.campaignId(), event.roundId(), event.roundNumber(), event.invitationId(),
                event.nominatorId(), event.nominees(), event.answered(), at, true);
        changed(event.organisationId(), event.campaignId());
        liveRounds.roundChanged(event.organisationId(), event.campaignId(), event.roundNumber());
    }

    /**
     * A nominator's list replaces their earlier one, so nobody is counted twice by the same nominator; a
     * person kept on the list keeps the moment they were first named. The edges are written at once, in one
     * statement (a second revision in the same batch must find the first): the names no longer on the list
     * are deleted and the others inserted or updated, two disjoint sets of rows. The nominees' person rows, the
     * counts (recomputed from the edges for everyone the change touched) and the contact's answer wait for
     * the end of the batch.
     */
    private void replaceNominations(String s, CampaignId campaign, RoundId round, int roundNumber,
                                    InvitationId invitation, PersonId nominator, List<Nominee> nominees,
                                    boolean answered, Instant at, boolean revision) {
        int n = nominees.size();
        UUID[] ids = new UUID[n];
        String[] names = new String[n];
        String[] emails = new String[n];
        String[] reasons = new String[n];
        for (int i = 0; i < n; i++) {
            Nominee nominee = nominees.get(i);
            ids[i] = nominee.personId().value();
            names[i] = nominee.name();
            emails[i] = nominee.email();
            reasons[i] = nominee.reason();
            writes.update(Stage.ROWS, "INSERT INTO " + s + ".person (campaign_id, person_id, name, email, source, "
                            + "in_roster, added_at) VALUES (?, ?, ?, ?, 'NOMINATED', FALSE, ?) "
                            + "ON CONFLICT (campaign_id, person_id) DO NOTHING",
                    campaign.value(), ids[i], names[i], emails[i], ts(at));
        }
        Set<UUID> touched = new LinkedHashSet<>(List.of(ids));
        jdbc.query("WITH removed AS (DELETE FROM " + s + ".nomination WHERE campaign_id = ? AND nominator_id = ? "
                        + "AND nominee_id <> ALL (?) RETURNING nominee_id), "
                        + "named AS (INSERT INTO " + s + ".nomination (campaign_id, nominator_id, nominee_id, round_id, "
                        + "round_number, invitation_id, nominee_name, nominee_email, reason, nominated_at, "
                        + "list_position) "
                        + "SELECT ?, ?, l.nominee_id, ?, ?, ?, l.name, l.email, l.reason, ?, l.position "
                        + "FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY "
                        + "AS l(nominee_id, name, email, reason, position) "
                        + "ON CONFLICT (campaign_id, nominator_id, nominee_id) DO UPDATE SET round_id = EXCLUDED.round_id, "
                        + "round_number = EXCLUDED.round_number, invitation_id = EXCLUDED.invitation_id, "
                        + "nominee_name = EXCLUDED.nominee_name, nominee_email = EXCLUDED.nominee_email, "
                        + "reason = EXCLUDED.reason, list_position = EXCLUDED.list_position) "
                        + "SELECT nominee_id FROM removed",
                rs -> {
                    touched.add(rs.getObject(1, UUID.class));
                }, campaign.value(), nominator.value(), ids, campaign.value(), nominator.value(), round.value(),
                roundNumber, invitation.value(), ts(at), ids, names, emails, reasons);
        writes.updateEach(Stage.COUNTS, "UPDATE " + s + ".person p SET (nominator_count, first_nominated_round, "
                        + "first_nominated_at, rounds_named) = (SELECT count(*), min(e.round_number), "
                        + "min(e.nominated_at), coalesce(array_agg(DISTINCT e.round_number ORDER BY e.round_number), "
                        + "'{}') FROM " + s + ".nomination e WHERE e.campaign_id = p.campaign_id "
                        + "AND e.nominee_id = p.person_id) WHERE p.campaign_id = ? AND p.person_id = ANY (?)",
                List.of(campaign.value()), touched);
        // one text for first answers and revisions, so that their order is kept when they wait together; only a
        // real answer (people, or explicitly no one) makes the contact one who responded
        writes.update(Stage.CHANGES, "UPDATE " + s + ".contact SET responded_at = coalesce(responded_at, ?), "
                        + "revised_at = coalesce(?::timestamptz, revised_at), nominee_count = ? "
                        + "WHERE invitation_id = ?",
                answered ? ts(at) : null, revision ? ts(at) : null, nominees.size(), invitation.value());
    }

    private void changed(OrganisationId organisation, CampaignId campaign) {
        live.campaignChanged(organisation, campaign);
    }

    private static java.sql.Timestamp ts(Instant instant) {
        return instant == null ? null : java.sql.Timestamp.from(instant);
    }

    // ---- leave out of the next round (issue #17) ----

    @EventHandler
    void on(org.oostkit.wrt.api.campaign.PersonSetAside event, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        String s = tenants.schemaForEvent(tenant, event.organisationId());
        jdbc.update("UPDATE " + s + ".person SET set_aside = TRUE, set_aside_note = ? WHERE campaign_id = ? "
                + "AND person_id = ?", event.note() == null ? "" : event.note(), event.campaignId().value(),
                event.personId().value());
        changed(event.organisationId(), event.campaignId());
    }

    @EventHandler
    void on(org.oostkit.wrt.api.campaign.PersonBroughtBack event, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        String s = tenants.schemaForEvent(tenant, event.organisationId());
        jdbc.update("UPDATE " + s + ".person SET set_aside = FALSE, set_aside_note = '' WHERE campaign_id = ? "
                + "AND person_id = ?", event.campaignId().value(), event.personId().value());
        changed(event.organisationId(), event.campaignId());
    }
}
