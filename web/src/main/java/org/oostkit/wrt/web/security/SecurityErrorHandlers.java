package org.oostkit.wrt.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.oostkit.wrt.web.error.ErrorResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/** What people and programs see when security says no. */
final class SecurityErrorHandlers {

    private SecurityErrorHandlers() {
    }

    /** Not signed in: browsers go to sign in (WRT's page or the Portal's), programs get a 401 problem. */
    static AuthenticationEntryPoint entryPoint(AuthProperties properties, PortalLogin portalLogin) {
        return (request, response, exception) -> {
            if (ErrorResponses.wantsJson(request)) {
                response.setHeader("WWW-Authenticate", "Bearer");
                ErrorResponses.writeProblem(request, response, HttpStatus.UNAUTHORIZED, "Please sign in first.");
            } else if (properties.portalMode()) {
                response.sendRedirect(portalLogin.url(pathAndQuery(request)));
            } else {
                response.sendRedirect(request.getContextPath() + "/login");
            }
        };
    }

    /** Signed in but refused: 404 outside one's organisations, 403 for a read-only role, 403 for a stale form. */
    static AccessDeniedHandler accessDenied() {
        return accessDenied(null);
    }

    /**
     * As {@link #accessDenied()}, but a stale form on a nominator page (mostly one left open until the session
     * ended) gets the nominator's own page ({@code expired}, when given) instead of the admins' error page.
     */
    static AccessDeniedHandler accessDenied(NominatorExpiredPage expired) {
        return (request, response, exception) -> {
            Authentication who = SecurityContextHolder.getContext().getAuthentication();
            HttpStatus status;
            String detail = null;
            String path = ErrorResponses.originalPath(request);
            if (exception instanceof CsrfException && expired != null && !ErrorResponses.wantsJson(request)
                    && NominatorExpiredPage.covers(path)) {
                expired.render(request, response, path);
                return;
            }
            if (exception instanceof CsrfException) {
                status = HttpStatus.FORBIDDEN;
                detail = "This form has expired or did not come from WRT. Go back, reload the page and try again.";
                // for the error page, which words it in the admin's language
                request.setAttribute(ErrorResponses.STALE_FORM, Boolean.TRUE);
            } else {
                status = HttpStatus.valueOf(OrganisationAccess.refusalStatus(who, path));
            }
            answer(request, response, status, detail);
        };
    }

    static void answer(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws java.io.IOException {
        if (ErrorResponses.wantsJson(request)) {
            ErrorResponses.writeProblem(request, response, status, detail);
        } else if (detail != null) {
            response.sendError(status.value(), detail);
        } else {
            response.sendError(status.value());
        }
    }

    private static String pathAndQuery(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }
}
