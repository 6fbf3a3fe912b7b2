package org.oostkit.wrt.api.common;

/**
 * The command names something that does not exist, or that exists in another organisation. Both answer
 * the same, so a tenant can never learn about another tenant's identifiers.
 */
public class NotFound extends RuleViolation {

    public NotFound(String what) {
        // the message names what was looked for, so pages show it rather than the bare rule.not-found
        super(Rule.NOT_FOUND, null, what + " not found", new Object[0]);
    }
}
