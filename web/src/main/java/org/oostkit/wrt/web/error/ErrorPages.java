package org.oostkit.wrt.web.error;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.oostkit.wrt.web.security.OrganisationRoles;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces Spring Boot's whitelabel error controller: whatever reaches the container's error dispatch
 * (an exception nobody handled, a {@code sendError} from a filter) is answered with the error page or a
 * problem document; neither ever shows an exception or a stack trace.
 */
@Controller
class ErrorPages implements ErrorController {

    static final String VIEW = "error/page";

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = status(request);
        if (ErrorResponses.wantsJson(request)) {
            ErrorResponses.writeProblem(request, response, status, null);
            return null; // written
        }
        response.setStatus(status.value());
        return view(status, request);
    }

    static ModelAndView view(HttpStatus status, HttpServletRequest request) {
        ModelAndView view = new ModelAndView(VIEW, status);
        boolean staleForm = status == HttpStatus.FORBIDDEN
                && Boolean.TRUE.equals(request.getAttribute(ErrorResponses.STALE_FORM));
        view.addObject("title", staleForm ? AdminLanguage.text("error.title.staleForm") : ErrorResponses.title(status));
        view.addObject("status", status.value());
        view.addObject("message", staleForm ? AdminLanguage.text("error.message.staleForm")
                : ErrorResponses.message(status));
        WayBack back = WayBack.of(ErrorResponses.originalPath(request),
                SecurityContextHolder.getContext().getAuthentication());
        view.addObject("backHref", back.href());
        view.addObject("backLabel", back.label());
        return view;
    }

    /**
     * Where the reader can go from here: an admin or auditor of the organisation in the address back to its
     * campaigns; anyone else (a nominator, a stranger, another tenant's admin) to the start page.
     */
    record WayBack(String href, String label) {

        private static final Pattern ORGANISATION = Pattern.compile("^/org/([^/]+)(/.*)?$");

        static WayBack of(String path, Authentication authentication) {
            Matcher matcher = ORGANISATION.matcher(path == null ? "" : path);
            if (matcher.matches() && OrganisationRoles.canRead(authentication, matcher.group(1))) {
                return new WayBack("/org/" + matcher.group(1) + "/manage", AdminLanguage.text("error.back"));
            }
            return new WayBack("/", AdminLanguage.text("error.start"));
        }
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null || status.value() < 400 ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
