package org.oostkit.wrt.web.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start in Axon Server mode ({@code AXON_SERVER_ENABLED=true}), before any bean is made: the hash
 * chain, the audit trail, the as-of view, the large-append lock and the aggregate cache's version check all
 * read and write the embedded event store's table, and none of them exists against Axon Server's API. Running
 * without them would store events that no integrity check could ever verify.
 */
public class AxonServerModeGuard implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty("axon.axonserver.enabled", Boolean.class, false)) {
            throw new AxonServerModeRefused();
        }
    }

    /** Start-up refused; {@link AxonServerModeFailureAnalyzer} turns it into a short report. */
    static final class AxonServerModeRefused extends IllegalStateException {

        AxonServerModeRefused() {
            super("WRT does not run on Axon Server yet (AXON_SERVER_ENABLED / axon.axonserver.enabled is true): "
                    + "its event hash chain, audit trail, as-of view and multi-instance safeguards are built on the "
                    + "PostgreSQL event store only.");
        }
    }
}
