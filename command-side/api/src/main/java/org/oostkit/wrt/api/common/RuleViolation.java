package org.oostkit.wrt.api.common;

/**
 * A command was refused because it breaks a business rule: {@link #violated()} says which, the message is meant
 * for the person who sent the command.
 */
public class RuleViolation extends RuntimeException {

    private final Rule rule;

    public RuleViolation(Rule rule, String message) {
        super(message, null, false, false);
        this.rule = rule;
    }

    /** The rule broken, to switch on. */
    public Rule violated() {
        return rule;
    }

    /** The rule's stable code, for problem answers and logs. */
    public String rule() {
        return rule.code();
    }
}
