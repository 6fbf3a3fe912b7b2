package org.oostkit.wrt.web.replay;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.oostkit.wrt.api.common.ActingCommandGateway;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationBySlug;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisations;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.api.ReplayCommands.FindReplay;
import org.oostkit.wrt.query.api.ReplayCommands.StartReplay;
import org.oostkit.wrt.query.api.ReplayView;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** Starts and follows replays through the gateways, by organisation slug; shared by the API and the CLI. */
@Component
class Replays {

    private final ActingCommandGateway commands;
    private final QueryGateway queries;

    Replays(ActingCommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** The organisation with this slug, or empty. */
    Optional<OrganisationView> organisation(String slug) {
        return Optional.ofNullable(queries.query(new FindOrganisationBySlug(slug), OrganisationView.class).join());
    }

    /**
     * Starts a replay of one organisation (by slug) or of all (null); fails with the rule
     * {@code replay-running} while another runs.
     */
    ReplayProgress start(OrganisationView organisation) {
        OrganisationId id = organisation == null ? null : organisation.organisationId();
        ReplayView view = commands.sendAndWait(new StartReplay(id), Actor.OPERATOR.value());
        return ReplayProgress.of(view, organisation == null ? null : organisation.slug());
    }

    Optional<ReplayProgress> find(UUID id) {
        ReplayView view = queries.query(new FindReplay(id), ResponseTypes.instanceOf(ReplayView.class)).join();
        return Optional.ofNullable(view).map(v -> ReplayProgress.of(v, slugOf(v.organisationId())));
    }

    private String slugOf(OrganisationId organisation) {
        if (organisation == null) {
            return null;
        }
        return queries.query(new FindOrganisations(), ResponseTypes.multipleInstancesOf(OrganisationView.class))
                .join().stream().filter(o -> o.organisationId().equals(organisation)).map(OrganisationView::slug)
                .findFirst().orElse(organisation.toString());
    }
}
