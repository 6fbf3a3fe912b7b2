package org.oostkit.wrt.web.nomination;

import jakarta.servlet.http.HttpSession;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.oostkit.wrt.api.common.ActingCommandGateway;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.common.Secrets;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordLinkOpened;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.InvitationQueries.FindInvitation;
import org.oostkit.wrt.query.api.InvitationQueries.FindInvitationByTokenHash;
import org.oostkit.wrt.query.api.InvitationQueries.FindNominationsOf;
import org.oostkit.wrt.query.api.InvitationView;
import org.oostkit.wrt.query.api.NominationView;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationBySlug;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.api.TimeZoneQueries.FindTimeZone;
import org.oostkit.wrt.query.api.TimeZoneView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** What the nominator flow reads and sends, and what its session holds, in one place for its three controllers. */
@Component
class Nominators {

    private static final Logger log = LoggerFactory.getLogger(Nominators.class);

    /** A link token is 32 random bytes in URL-safe base64 (43 characters); anything else is not one. */
    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{20,100}$");

    private final ActingCommandGateway commands;
    private final QueryGateway queries;
    private final Secrets secrets;

    Nominators(ActingCommandGateway commands, QueryGateway queries, Secrets secrets) {
        this.commands = commands;
        this.queries = queries;
        this.secrets = secrets;
    }

    /** The organisation of the address while it takes nominations. */
    Optional<OrganisationView> organisation(String slug) {
        return Optional.ofNullable(queries.query(new FindOrganisationBySlug(slug), OrganisationView.class).join())
                .filter(OrganisationView::isActive);
    }

    Optional<InvitationView> invitationOfToken(OrganisationView organisation, String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(queries.query(new FindInvitationByTokenHash(organisation.organisationId(),
                secrets.invitationTokenHash(token)), InvitationView.class).join());
    }

    Optional<InvitationView> invitation(OrganisationId organisation, InvitationId invitation) {
        return Optional.ofNullable(queries.query(new FindInvitation(organisation, invitation), InvitationView.class)
                .join());
    }

    /**
     * The suspended organisation behind a real invitation link, if that is why the link leads nowhere: its
     * nominators are told the truth (paused, the link kept), while a wrong link still reads as one.
     */
    /** The zone the invitation's campaign states its times in. */
    ZoneId zone(OrganisationId organisation, InvitationView invitation) {
        return queries.query(new FindTimeZone(organisation, invitation.campaignId()), TimeZoneView.class).join().zone();
    }

    Optional<OrganisationView> pausedOrganisation(String slug, String token) {
        return Optional.ofNullable(queries.query(new FindOrganisationBySlug(slug), OrganisationView.class).join())
                .filter(found -> !found.isActive())
                .filter(found -> invitationOfToken(found, token).isPresent());
    }

    List<NominationView> nominationsOf(NominatorSession.Verified nominator) {
        return queries.query(new FindNominationsOf(nominator.organisationId(), nominator.campaignId(),
                nominator.personId()), ResponseTypes.multipleInstancesOf(NominationView.class)).join();
    }

    /** The round-closed page; a nominator signed in to this organisation ({@code verifiedIn}) sees their list. */
    NominatorProblem roundClosed(InvitationView invitation, OrganisationId verifiedIn) {
        List<Map<String, String>> named = verifiedIn == null ? List.of()
                : queries.query(new FindNominationsOf(verifiedIn, invitation.campaignId(), invitation.personId()),
                        ResponseTypes.multipleInstancesOf(NominationView.class)).join()
                .stream().map(n -> Map.of("name", n.name(), "email", n.email())).toList();
        return NominatorProblem.roundClosed(invitation, named);
    }

    void recordLinkOpened(OrganisationId organisation, InvitationId invitation) {
        try {
            send(new RecordLinkOpened(invitation, organisation), invitation);
        } catch (RuntimeException e) {
            // tracking must never keep a nominator from the page
            log.warn("Could not record that invitation {} was opened", invitation, e);
        }
    }

    /** Sends a command as the nominator of this invitation. */
    <R> R send(Object command, InvitationId invitation) {
        return commands.sendAndWait(command, Actor.nominator(invitation).value());
    }

    static Optional<NominatorSession.Pending> pending(HttpSession session, String slug) {
        return session == null ? Optional.empty()
                : Optional.ofNullable((NominatorSession.Pending) session.getAttribute(NominatorSession.PENDING))
                .filter(p -> p.slug().equals(slug));
    }

    static Optional<NominatorSession.Verified> verified(HttpSession session, String slug) {
        return session == null ? Optional.empty()
                : Optional.ofNullable((NominatorSession.Verified) session.getAttribute(NominatorSession.VERIFIED))
                .filter(v -> v.slug().equals(slug));
    }
}
