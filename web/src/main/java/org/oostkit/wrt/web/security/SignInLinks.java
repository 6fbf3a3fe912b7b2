package org.oostkit.wrt.web.security;

import org.oostkit.wrt.api.common.Secrets;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one-time sign-in links of standalone mode, in table {@code sign_in_link}. The raw token goes into the
 * mail only; the table keeps its keyed hash. Looking at a link never uses it up (mail scanners open links);
 * only {@link #consume} does, once, in one atomic statement.
 */
@Component
class SignInLinks {

    private final JdbcTemplate jdbc;
    private final Secrets secrets;
    private final Clock clock;
    private final Duration validity;

    SignInLinks(JdbcTemplate jdbc, Secrets secrets, Clock clock, AuthProperties properties) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
        this.validity = properties.signInLinkValidity();
    }

    /** A new link for this (normalised) email; the answer holds the raw token, to be mailed and forgotten. */
    Issued issue(String email) {
        String token = secrets.newToken();
        Instant expiresAt = clock.instant().plus(validity);
        jdbc.update("INSERT INTO sign_in_link (token_hash, email, expires_at) VALUES (?, ?, ?)",
                secrets.signInTokenHash(token), email, Timestamp.from(expiresAt));
        return new Issued(token, expiresAt);
    }

    /**
     * Forgets a link whose mail was not handed over: nobody can hold it, so it must not count among the
     * outstanding ones (three failures during an outage would lock the address out).
     */
    void withdraw(Issued issued) {
        jdbc.update("DELETE FROM sign_in_link WHERE token_hash = ? AND used_at IS NULL",
                secrets.signInTokenHash(issued.token()));
    }

    /** How many unused, unexpired links this address has (a cap against mail-bombing one person). */
    int outstanding(String email) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM sign_in_link WHERE email = ? AND used_at IS NULL "
                + "AND expires_at > ?", Integer.class, email, Timestamp.from(clock.instant()));
        return count == null ? 0 : count;
    }

    /** Whether the link can still be used, without using it. */
    boolean usable(String token) {
        if (!wellFormed(token)) {
            return false;
        }
        Integer count = jdbc.queryForObject("SELECT count(*) FROM sign_in_link WHERE token_hash = ? "
                + "AND used_at IS NULL AND expires_at > ?", Integer.class, secrets.signInTokenHash(token),
                Timestamp.from(clock.instant()));
        return count != null && count > 0;
    }

    /** Uses the link up and answers whose it was; empty when unknown, expired or already used. */
    Optional<String> consume(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<String> email = jdbc.queryForList("UPDATE sign_in_link SET used_at = ? WHERE token_hash = ? "
                + "AND used_at IS NULL AND expires_at > ? RETURNING email", String.class, now,
                secrets.signInTokenHash(token), now);
        return email.stream().findFirst();
    }

    /** Tokens are URL-safe base64 of 32 bytes; anything else is not worth a database round trip. */
    private static boolean wellFormed(String token) {
        return token != null && token.length() >= 32 && token.length() <= 64 && token.matches("[A-Za-z0-9_-]+");
    }

    record Issued(String token, Instant expiresAt) {
    }
}
