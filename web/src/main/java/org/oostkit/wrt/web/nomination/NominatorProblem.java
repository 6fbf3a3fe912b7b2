package org.oostkit.wrt.web.nomination;

import org.oostkit.wrt.query.api.InvitationView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

/**
 * Why a nominator gets a problem page instead of the one asked for; {@link NominatorAdvice} shows it, so
 * handlers throw and stay on their way. Heading, message and link label are keys of the nominator texts; the
 * message may name {@link #values()}.
 */
class NominatorProblem extends RuntimeException {

    private final HttpStatus status;
    private final String heading;
    private final Map<String, String> next;
    private final List<Map<String, String>> named;
    private final Map<String, String> values;

    NominatorProblem(HttpStatus status, String heading, String message, String href, String label) {
        this(status, heading, message, href == null ? null : Map.of("href", href, "label", label), List.of(),
                Map.of());
    }

    private NominatorProblem(HttpStatus status, String heading, String message, Map<String, String> next,
                             List<Map<String, String>> named, Map<String, String> values) {
        // a page to show, not a failure: no stack trace to fill in
        super(message, null, false, false);
        this.status = status;
        this.heading = heading;
        this.next = next;
        this.named = named;
        this.values = values;
    }

    /** What the message names: the organisation, the campaign, the round, the most people one may name. */
    Map<String, String> values() {
        return values;
    }

    HttpStatus status() {
        return status;
    }

    String heading() {
        return heading;
    }

    /** The link onwards, or null. */
    Map<String, String> next() {
        return next;
    }

    /** On the round-closed page of a signed-in nominator: whom they named. */
    List<Map<String, String>> named() {
        return named;
    }

    /** A token that is malformed, unknown, or of another organisation: one answer for all. */
    static NominatorProblem linkInvalid() {
        return new NominatorProblem(HttpStatus.NOT_FOUND, "problem.link.heading", "problem.link.message", null,
                List.of(), Map.of());
    }

    static NominatorProblem sessionExpired() {
        return new NominatorProblem(HttpStatus.UNAUTHORIZED, "problem.session.heading", "problem.session.message",
                null, List.of(), Map.of());
    }

    /** A suspended organisation's nominators are told the truth: paused, the link kept. */
    static NominatorProblem paused(OrganisationView organisation) {
        return new NominatorProblem(HttpStatus.SERVICE_UNAVAILABLE, "problem.paused.heading",
                "problem.paused.message", null, List.of(), Map.of("organisationName", organisation.name()));
    }

    /** {@code named}: the signed-in nominator's list in that round, empty for anyone else. */
    static NominatorProblem roundClosed(InvitationView invitation, List<Map<String, String>> named) {
        return new NominatorProblem(HttpStatus.GONE, "problem.closed.heading", "problem.closed.message", null,
                named, Map.of("campaignName", invitation.campaignName(),
                        "roundNumber", String.valueOf(invitation.roundNumber())));
    }
}
