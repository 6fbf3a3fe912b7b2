package org.oostkit.wrt.api.invitation;

import java.time.Instant;

/**
 * The answer to a code request: the raw code, to be mailed to the nominator and then forgotten. Only its
 * keyed hash is recorded; never log or store this value.
 */
public record IssuedCode(String code, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedCode[code=******, expiresAt=" + expiresAt + "]";
    }
}
