package org.oostkit.wrt.web.nomination;

import org.oostkit.wrt.query.api.InvitationView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

/**
 * Why a nominator gets a problem page instead of the one asked for; {@link NominatorAdvice} shows it, so
 * handlers throw and stay on their way.
 */
class NominatorProblem extends RuntimeException {

    private final HttpStatus status;
    private final String heading;
    private final Map<String, String> next;
    private final List<Map<String, String>> named;

    NominatorProblem(HttpStatus status, String heading, String message, String href, String label) {
        this(status, heading, message, href == null ? null : Map.of("href", href, "label", label), List.of());
    }

    private NominatorProblem(HttpStatus status, String heading, String message, Map<String, String> next,
                             List<Map<String, String>> named) {
        // a page to show, not a failure: no stack trace to fill in
        super(message, null, false, false);
        this.status = status;
        this.heading = heading;
        this.next = next;
        this.named = named;
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
        return new NominatorProblem(HttpStatus.NOT_FOUND, "This link does not work",
                "The link may be incomplete (some email programs break long links). Open the link in your "
                        + "invitation or reminder email again, or copy the whole address into your browser.",
                null, List.of());
    }

    static NominatorProblem sessionExpired() {
        return new NominatorProblem(HttpStatus.UNAUTHORIZED, "Your session has ended",
                "For your security, the nomination page closes after a while without activity, or when the "
                        + "browser was closed. Open the link in your invitation email again to continue; your "
                        + "saved nominations are kept.", null, List.of());
    }

    /** A suspended organisation's nominators are told the truth: paused, the link kept. */
    static NominatorProblem paused(OrganisationView organisation) {
        return new NominatorProblem(HttpStatus.SERVICE_UNAVAILABLE, "Nominations are paused",
                organisation.name() + " has paused its nominations for the moment. Your invitation is kept: "
                        + "open this link again later. Nothing you saved is lost.", null, List.of());
    }

    /** {@code named}: the signed-in nominator's list in that round, empty for anyone else. */
    static NominatorProblem roundClosed(InvitationView invitation, List<Map<String, String>> named) {
        return new NominatorProblem(HttpStatus.GONE, "This round has closed",
                "Nominations for “" + invitation.campaignName() + "” (round " + invitation.roundNumber()
                        + ") can no longer be made or changed. Thank you for your interest.", null, named);
    }
}
