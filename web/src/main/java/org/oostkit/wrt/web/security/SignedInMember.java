package org.oostkit.wrt.web.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

import java.time.Instant;
import java.util.Collection;

/**
 * An admin or auditor signed in with a link: the email and the organisation roles as they were resolved at
 * {@link #resolvedAt()}. {@link MembershipRefreshFilter} resolves them again now and then, so a role taken away
 * by the operator ends within a minute, not at the end of the session.
 */
final class SignedInMember extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final String email;
    private final Instant resolvedAt;

    SignedInMember(String email, Collection<? extends GrantedAuthority> authorities, Instant resolvedAt) {
        super(authorities);
        this.email = email;
        this.resolvedAt = resolvedAt;
        setAuthenticated(true);
    }

    Instant resolvedAt() {
        return resolvedAt;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return email;
    }

    @Override
    public String getName() {
        return email;
    }
}
