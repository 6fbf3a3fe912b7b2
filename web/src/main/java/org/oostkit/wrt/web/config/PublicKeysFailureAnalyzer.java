package org.oostkit.wrt.web.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports {@link DevelopmentKeysGuard.PublicKeysRefused} as what to do, instead of a bean-creation stack trace. */
class PublicKeysFailureAnalyzer extends AbstractFailureAnalyzer<DevelopmentKeysGuard.PublicKeysRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable root, DevelopmentKeysGuard.PublicKeysRefused cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set " + String.join(" and ", cause.variables) + " (generate each with `openssl rand -base64 32`; "
                        + "with docker compose, create wrt-keys.env as described in the README).", cause);
    }
}
