package org.oostkit.wrt.web.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports {@link AxonServerModeGuard.AxonServerModeRefused} as what to do, instead of a stack trace. */
class AxonServerModeFailureAnalyzer extends AbstractFailureAnalyzer<AxonServerModeGuard.AxonServerModeRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable root, AxonServerModeGuard.AxonServerModeRefused cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Unset AXON_SERVER_ENABLED (or set it to false): several instances share one PostgreSQL instead, "
                        + "see docs/scale-out.md.", cause);
    }
}
