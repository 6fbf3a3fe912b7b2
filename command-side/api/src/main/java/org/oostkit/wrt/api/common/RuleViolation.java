package org.oostkit.wrt.api.common;

/**
 * A command was refused because it breaks a business rule. The {@link #rule()} is a stable, machine-readable
 * code (for problem+json answers and tests); the message is meant for the person who sent the command.
 */
public class RuleViolation extends RuntimeException {

    private final String rule;

    public RuleViolation(String rule, String message) {
        super(message, null, false, false);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
