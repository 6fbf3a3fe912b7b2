package org.oostkit.wrt.domain.security;

import org.oostkit.wrt.api.common.Secrets;
import org.springframework.stereotype.Component;

/** {@link Secrets} with the application's HMAC key: the one place outside aggregates that hashes secrets. */
@Component
class KeyedSecrets implements Secrets {

    private static final String SIGN_IN_PURPOSE = "sign-in-token";

    private final KeyedHasher hasher;
    private final SecretGenerator generator;

    KeyedSecrets(KeyedHasher hasher, SecretGenerator generator) {
        this.hasher = hasher;
        this.generator = generator;
    }

    @Override
    public String newToken() {
        return generator.token();
    }

    @Override
    public String invitationTokenHash(String token) {
        return hasher.hash(KeyedHasher.INVITATION_TOKEN, token);
    }

    @Override
    public String signInTokenHash(String token) {
        return hasher.hash(SIGN_IN_PURPOSE, token);
    }

    @Override
    public boolean same(String hash, String otherHash) {
        return KeyedHasher.same(hash, otherHash);
    }
}
