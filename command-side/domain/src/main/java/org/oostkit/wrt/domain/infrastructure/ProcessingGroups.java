package org.oostkit.wrt.domain.infrastructure;

/** Names of the event processing groups of the command side. */
public final class ProcessingGroups {

    /** Command-side lookups: subscribing, in the transaction of the events they follow. */
    public static final String COMMAND_LOOKUPS = "command-lookups";

    /** Policies that must act in the same transaction (nominees joining the roster). */
    public static final String ROSTER_POLICY = "roster-policy";

    private ProcessingGroups() {
    }
}
