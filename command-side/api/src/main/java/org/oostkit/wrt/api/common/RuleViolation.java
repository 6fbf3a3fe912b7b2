package org.oostkit.wrt.api.common;

import java.util.Arrays;
import java.util.List;

/**
 * A command was refused because it breaks a business rule: {@link #violated()} says which, the message is the
 * English sentence for logs and the operator; {@link #key()} and {@link #arguments()} let a page word it in its
 * reader's language ({@code rule.<code>[.<variant>]} with {@link java.text.MessageFormat} arguments).
 */
public class RuleViolation extends RuntimeException {

    private final Rule rule;
    private final String key;
    private final List<Object> arguments;

    /** A refusal whose text is the rule's own ({@code rule.<code>}), with the values the message names. */
    public RuleViolation(Rule rule, String message, Object... arguments) {
        this(rule, "rule." + rule.code(), message, arguments);
    }

    /** For subclasses: the key of the sentence, or {@code null} when only the message says it. */
    protected RuleViolation(Rule rule, String key, String message, Object[] arguments) {
        super(message, null, false, false);
        this.rule = rule;
        this.key = key;
        // only simple values (numbers, short typed strings) are kept; List.copyOf refuses nulls
        this.arguments = List.copyOf(Arrays.asList(arguments));
    }

    /** One of several sentences for the same rule ({@code rule.<code>.<variant>}; the rule's own for null). */
    public static RuleViolation variant(Rule rule, String variant, String message, Object... arguments) {
        return new RuleViolation(rule, variant == null ? "rule." + rule.code() : "rule." + rule.code() + "." + variant,
                message, arguments);
    }

    /** A refusal worded by a sentence shared by several rules (a {@link TextRule} verdict: {@code text.<kind>}). */
    public static RuleViolation keyed(Rule rule, String key, String message, Object... arguments) {
        return new RuleViolation(rule, key, message, arguments);
    }

    /** A refusal whose message has no key (it quotes another verdict, or is already in the reader's words). */
    public static RuleViolation worded(Rule rule, String message) {
        return new RuleViolation(rule, null, message, new Object[0]);
    }

    /** The rule broken, to switch on. */
    public Rule violated() {
        return rule;
    }

    /** The rule's stable code, for problem answers and logs. */
    public String rule() {
        return rule.code();
    }

    /** The message key ({@code rule.<code>[.<variant>]}, {@code text.<kind>}), or {@code null} when only the message says it. */
    public String key() {
        return key;
    }

    /** The values the message names, in the order of the pattern's {@code {0}}, {@code {1}}, … */
    public List<Object> arguments() {
        return arguments;
    }
}
