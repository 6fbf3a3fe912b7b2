package org.oostkit.wrt.query.processing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.oostkit.wrt.api.campaign.CampaignErased;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonErased;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.campaign.PersonRemovedFromShortlist;
import org.oostkit.wrt.api.campaign.PersonShortlisted;
import org.oostkit.wrt.api.campaign.PersonToldOfSelection;
import org.oostkit.wrt.api.campaign.SelectionMailNotSent;
import org.oostkit.wrt.api.campaign.SelectionMailRequested;
import org.oostkit.wrt.api.campaign.ShortlistClosed;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.ShortlistQueries.FindShortlist;
import org.oostkit.wrt.query.projection.ShortlistRules;
import org.oostkit.wrt.query.shortlist.ShortlistReadModel;
import org.oostkit.wrt.query.tenant.TenantDirectory;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes what {@link ShortlistRules} decide: loads the rows an event concerns, applies the event, writes them
 * back. Its own processing group, so the shortlist neither slows nor depends on the other read models.
 */
@Component
@ProcessingGroup(ReadModels.SHORTLIST)
class ShortlistProjection {

    private final JdbcTemplate jdbc;
    private final TenantDirectory tenants;
    private final QueryUpdateEmitter emitter;
    private final ShortlistReadModel model;

    ShortlistProjection(JdbcTemplate jdbc, TenantDirectory tenants, QueryUpdateEmitter emitter,
                        ShortlistReadModel model) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.emitter = emitter;
        this.model = model;
    }

    /** The page after a choice waits for it: watchers get the new list once the write is committed. */
    private void changed(OrganisationId organisation, CampaignId campaign) {
        java.util.function.Predicate<FindShortlist> mine = q -> q.organisationId().equals(organisation)
                && q.campaignId().equals(campaign);
        boolean watched = emitter.activeSubscriptions().stream()
                .anyMatch(s -> s.getPayload() instanceof FindShortlist q && mine.test(q));
        if (watched && CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(uow -> emitter.emit(FindShortlist.class, mine,
                    model.shortlist(organisation, campaign)));
        }
    }

    @ResetHandler
    void reset() {
        for (String s : tenants.allSchemas()) {
            jdbc.update("TRUNCATE " + s + ".shortlist_choice, " + s + ".shortlist_state, " + s + ".shortlist_mail");
        }
    }

    @EventHandler
    void on(PersonShortlisted event, @Timestamp Instant at, @MetaDataValue(Actor.METADATA_KEY) String actor,
            @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        write(tenant, event.organisationId(), event.campaignId(), event.personId(), event, at, actor);
    }

    @EventHandler
    void on(PersonRemovedFromShortlist event, @Timestamp Instant at, @MetaDataValue(Actor.METADATA_KEY) String actor,
            @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        write(tenant, event.organisationId(), event.campaignId(), event.personId(), event, at, actor);
    }

    @EventHandler
    void on(ShortlistClosed event, @Timestamp Instant at, @MetaDataValue(Actor.METADATA_KEY) String actor,
            @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        write(tenant, event.organisationId(), event.campaignId(), null, event, at, actor);
    }

    @EventHandler
    void on(SelectionMailRequested event, @Timestamp Instant at, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        write(tenant, event.organisationId(), event.campaignId(), event.personId(), event, at, null);
    }

    @EventHandler
    void on(PersonToldOfSelection event, @Timestamp Instant at, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        write(tenant, event.organisationId(), event.campaignId(), event.personId(), event, at, null);
    }

    @EventHandler
    void on(SelectionMailNotSent event, @Timestamp Instant at, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        write(tenant, event.organisationId(), event.campaignId(), event.personId(), event, at, null);
    }

    @EventHandler
    void on(PersonErased event, @Timestamp Instant at, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        write(tenant, event.organisationId(), event.campaignId(), event.personId(), event, at, null);
    }

    @EventHandler
    void on(CampaignErased event, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        String s = tenants.schemaForEvent(tenant, event.organisationId());
        jdbc.update("DELETE FROM " + s + ".shortlist_choice WHERE campaign_id = ?", event.campaignId().value());
        jdbc.update("DELETE FROM " + s + ".shortlist_state WHERE campaign_id = ?", event.campaignId().value());
        jdbc.update("DELETE FROM " + s + ".shortlist_mail WHERE campaign_id = ?", event.campaignId().value());
    }

    private void write(String tenant, OrganisationId organisation, CampaignId campaignId, PersonId personId,
                       Object event, Instant at, String actor) {
        String s = tenants.schemaForEvent(tenant, organisation);
        UUID campaign = campaignId.value();
        ShortlistRules rules = new ShortlistRules();
        if (personId != null) {
            jdbc.query("SELECT * FROM " + s + ".shortlist_choice WHERE campaign_id = ? AND person_id = ?",
                    (RowCallbackHandler) rs -> rules.load(ShortlistReadModel.choice(rs)), campaign, personId.value());
            jdbc.query("SELECT * FROM " + s + ".shortlist_mail WHERE campaign_id = ? AND person_id = ?",
                    (RowCallbackHandler) rs -> rules.load(ShortlistReadModel.mail(rs)), campaign, personId.value());
        }
        rules.apply(event, at, actor);
        if (personId != null) {
            Optional<ShortlistRules.Choice> choice = rules.choice(campaign, personId.value());
            if (choice.isPresent()) {
                ShortlistRules.Choice c = choice.get();
                jdbc.update("INSERT INTO " + s + ".shortlist_choice (campaign_id, person_id, chosen_at, chosen_by, "
                        + "note) VALUES (?, ?, ?, ?, ?) ON CONFLICT (campaign_id, person_id) DO UPDATE SET "
                        + "note = excluded.note", campaign, c.person(), java.sql.Timestamp.from(c.chosenAt()), c.chosenBy(),
                        c.note());
            } else {
                jdbc.update("DELETE FROM " + s + ".shortlist_choice WHERE campaign_id = ? AND person_id = ?",
                        campaign, personId.value());
            }
            rules.mail(campaign, personId.value()).ifPresent(m -> jdbc.update("INSERT INTO " + s + ".shortlist_mail "
                    + "(campaign_id, person_id, asked_at, state, finished_at, reason) VALUES (?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (campaign_id, person_id) DO UPDATE SET state = excluded.state, "
                    + "finished_at = excluded.finished_at, reason = excluded.reason", campaign, m.person(),
                    java.sql.Timestamp.from(m.askedAt()), m.state().name(),
                    m.at() == null ? null : java.sql.Timestamp.from(m.at()), m.reason()));
        }
        changed(organisation, campaignId);
        rules.closed(campaign).ifPresent(c -> jdbc.update("INSERT INTO " + s + ".shortlist_state (campaign_id, "
                + "closed_at, closed_by, people) VALUES (?, ?, ?, ?) ON CONFLICT (campaign_id) DO NOTHING", campaign,
                java.sql.Timestamp.from(c.closedAt()), c.closedBy(), c.people()));
    }
}
