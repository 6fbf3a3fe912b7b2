package org.oostkit.wrt.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests per minute and client IP address ({@code wrt.rate-limits.*}). Each request counts against exactly
 * one limit: the specific one its route falls under, or the general one. The nominator's steps are a ceiling
 * against automation only, generous enough for a large office behind one address: guessing is stopped per
 * invitation (attempts per code, codes per hour and over the invitation's life), not per address.
 *
 * @param signIn      {@code POST /login} (sign-in link requests)
 * @param codeRequest {@code POST /org/{slug}/nominate/request-link} (a nominator asks for a code)
 * @param codeVerify  {@code POST /org/{slug}/nominate/verify/code} (a nominator enters a code)
 * @param submit      {@code POST /org/{slug}/nominate/submit} (nominations)
 * @param general     everything else, except webhooks, health checks and static assets
 * @param maxClients  how many client addresses are tracked at most
 */
@ConfigurationProperties("wrt.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("3") int signIn,
                                  @DefaultValue("60") int codeRequest,
                                  @DefaultValue("60") int codeVerify,
                                  @DefaultValue("60") int submit,
                                  @DefaultValue("300") int general,
                                  @DefaultValue("100000") int maxClients) {

    public RateLimitProperties {
        if (signIn < 1 || codeRequest < 1 || codeVerify < 1 || submit < 1 || general < 1 || maxClients < 1) {
            throw new IllegalArgumentException("wrt.rate-limits.* must be positive");
        }
    }
}
