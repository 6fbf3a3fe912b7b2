package org.oostkit.wrt.web.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may use {@code /org/{slug}/**}: admins of that organisation everything, its auditors only reading
 * requests (GET, HEAD). The nominator pages under {@code /org/{slug}/nominate/**} are public and never reach
 * this manager. A refusal is turned into 404 (no role in the organisation — the same answer as an
 * organisation that does not exist) or 403 (an auditor asking to change something) by {@link #refusalStatus}.
 */
final class OrganisationAccess implements AuthorizationManager<RequestAuthorizationContext> {

    static final Set<String> READING = Set.of("GET", "HEAD");
    private static final Pattern ORGANISATION_PATH = Pattern.compile("^/org/([^/]+)(?:/.*)?$");

    private final Predicate<HttpServletRequest> readOnlyAction;

    /** @param readOnlyAction whether a non-reading request goes to a handler marked {@link ReadOnlyAction} */
    OrganisationAccess(Predicate<HttpServletRequest> readOnlyAction) {
        this.readOnlyAction = readOnlyAction;
    }

    @Override
    public AuthorizationResult authorize(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        String slug = context.getVariables().get("slug");
        Authentication who = authentication.get();
        if (slug == null || who == null || who instanceof AnonymousAuthenticationToken) {
            return new AuthorizationDecision(false);
        }
        if (OrganisationRoles.isAdmin(who, slug)) {
            return new AuthorizationDecision(true);
        }
        boolean reading = READING.contains(context.getRequest().getMethod());
        return new AuthorizationDecision(OrganisationRoles.canRead(who, slug)
                && (reading || readOnlyAction.test(context.getRequest())));
    }

    @Override
    @Deprecated
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        return (AuthorizationDecision) authorize(authentication, context);
    }

    /** 403 for someone who may read the organisation (an auditor changing something), 404 for everyone else. */
    static int refusalStatus(Authentication who, String path) {
        String slug = slugOf(path);
        return slug != null && OrganisationRoles.canRead(who, slug) ? 403 : 404;
    }

    static String slugOf(String path) {
        Matcher matcher = ORGANISATION_PATH.matcher(path);
        return matcher.matches() ? matcher.group(1) : null;
    }
}
