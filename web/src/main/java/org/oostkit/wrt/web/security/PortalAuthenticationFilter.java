package org.oostkit.wrt.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Portal mode: every request is authenticated afresh from the Portal's cookie (no WRT session holds the
 * sign-in, so signing out at the Portal ends it here within the cache time).
 */
class PortalAuthenticationFilter extends OncePerRequestFilter {

    private final PortalAuthenticator authenticator;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    PortalAuthenticationFilter(PortalAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = token(request);
        if (token != null) {
            Optional<Authentication> authentication = authenticator.authenticate(token);
            if (authentication.isPresent()) {
                SecurityContext context = holder.createEmptyContext();
                context.setAuthentication(authentication.get());
                holder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }

    static String token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (PortalAuthenticator.COOKIE.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
