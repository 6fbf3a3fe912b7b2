package org.oostkit.wrt.web.entry;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Organisation slugs are lower case, but people type and forward {@code /org/ACME/…}: such a request is sent
 * on to the canonical address (308, so a form's method and body survive) before anything else looks at it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CanonicalSlugFilter extends OncePerRequestFilter {

    private static final Pattern ORG_PATH = Pattern.compile("^/org/([A-Za-z0-9-]{1,63})(/.*)?$");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher path = ORG_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (path.matches() && !path.group(1).equals(path.group(1).toLowerCase(Locale.ROOT))) {
            String rest = path.group(2) == null ? "" : path.group(2);
            String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
            response.setStatus(HttpStatus.PERMANENT_REDIRECT.value());
            response.setHeader(HttpHeaders.LOCATION, request.getContextPath() + "/org/"
                    + path.group(1).toLowerCase(Locale.ROOT) + rest + query);
            return;
        }
        chain.doFilter(request, response);
    }
}
