package org.oostkit.wrt.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Keeps a link sign-in's organisation roles current: when they were resolved longer ago than the refresh
 * interval, they are looked up again and the session is updated. If the lookup fails, the request goes on
 * with the roles it had (the read side being briefly unavailable should not sign everyone out).
 */
class MembershipRefreshFilter extends OncePerRequestFilter {

    static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(MembershipRefreshFilter.class);

    private final Members members;
    private final Clock clock;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    MembershipRefreshFilter(Members members, Clock clock) {
        this.members = members;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication current = holder.getContext().getAuthentication();
        if (current instanceof SignedInMember member && member.resolvedAt().plus(INTERVAL).isBefore(clock.instant())) {
            try {
                List<GrantedAuthority> authorities = members.authoritiesOf(member.getName());
                SecurityContext context = holder.createEmptyContext();
                context.setAuthentication(new SignedInMember(member.getName(), authorities, Instant.now(clock)));
                holder.setContext(context);
                sessions.saveContext(context, request, response);
            } catch (RuntimeException e) {
                log.warn("Could not refresh organisation roles ({}); keeping the session's roles", e.toString());
            }
        }
        chain.doFilter(request, response);
    }
}
