package org.oostkit.wrt.api.common;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one rule for free text that people type into WRT (names, reasons, campaign texts): it is stripped,
 * normalised to NFC and refused when it holds characters that are invisible, break storage or mail headers,
 * or reorder what a reader sees: C0/C1 control characters (multi-line texts keep line breaks and tabs),
 * unpaired surrogates, and bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). Single-line
 * texts also refuse the Unicode line and paragraph separators. The aggregates apply it and stay the judge;
 * the web uses the same instance so a form shows the same message before the command is sent.
 *
 * @param label      what the text is, as the message names it ("the name")
 * @param maxLength  the most characters (UTF-16 units, as a browser's {@code maxlength} counts) after cleaning
 * @param multiLine  whether line breaks and tabs are allowed
 */
public record TextRule(String label, int maxLength, boolean multiLine) {

    public static final TextRule PERSON_NAME = new TextRule("the name", 200, false);
    public static final TextRule NOMINATION_REASON = new TextRule("the reason", 500, true);
    public static final TextRule CAMPAIGN_NAME = new TextRule("the name", 200, false);
    public static final TextRule CAMPAIGN_DESCRIPTION = new TextRule("the description", 4_000, true);
    public static final TextRule INVITATION_TEXT = new TextRule("the invitation text", 4_000, true);
    public static final TextRule ORGANISATION_NAME = new TextRule("the name", 200, false);
    public static final TextRule SUSPENSION_REASON = new TextRule("the reason", 1_000, true);
    public static final TextRule SHORTLIST_NOTE = new TextRule("the note", 1_000, true);
    public static final TextRule SELECTION_MESSAGE = new TextRule("the message", 2_000, true);

    /**
     * The stored form: {@code null} becomes empty, line ends become {@code \n} (browsers send CR LF from a
     * text area), the text is normalised to NFC and stripped. Does not check anything.
     */
    public String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String text = multiLine ? raw.replace("\r\n", "\n") : raw;
        return Normalizer.normalize(text, Normalizer.Form.NFC).strip();
    }

    /**
     * Why the text cannot be accepted, as a sentence fragment starting with the label ("the name contains
     * a control character (U+0000)"), or {@code null} when it is fine. Empty text is fine here: whether a
     * text is required is the caller's rule.
     */
    public String problem(String raw) {
        Verdict verdict = verdict(raw);
        return verdict == null ? null : verdict.english();
    }

    /**
     * Why the text cannot be accepted, language-neutral (a page words it with {@code text.<kind>} and the
     * {@link Verdict#arguments()}), or {@code null} when it is fine.
     */
    public Verdict verdict(String raw) {
        // judged as stored: white space at the ends (a pasted line end, a tab) is stripped, not refused
        String text = clean(raw);
        int bad = firstForbidden(text, multiLine);
        if (bad >= 0) {
            char c = text.charAt(bad);
            return new Verdict(label, kind(c), String.format(Locale.ROOT, "U+%04X", (int) c), maxLength, text.length());
        }
        if (text.length() > maxLength) {
            return new Verdict(label, "tooLong", null, maxLength, text.length());
        }
        return null;
    }

    /**
     * A verdict on a text: {@code kind} is one of brokenCharacter, lineBreak, tab, controlCharacter,
     * directionCharacter (with the {@code character} as U+XXXX) or tooLong (with the lengths).
     */
    public record Verdict(String label, String kind, String character, int maxLength, int length) {

        /** The message key: {@code text.<kind>}. */
        public String key() {
            return "text." + kind;
        }

        /** The values the sentence names: the label, then the character, or the most and the actual length. */
        public java.util.List<Object> arguments() {
            return character != null ? java.util.List.of(label, character) : java.util.List.of(label, maxLength, length);
        }

        /** The sentence fragment in English, starting with the label ("the name contains a tab (U+0009), …"). */
        public String english() {
            return switch (kind) {
                case "tooLong" -> label + " is longer than " + maxLength + " characters (it has " + length + ")";
                case "brokenCharacter" -> label + " contains a broken character (" + character + "), which is not allowed";
                case "lineBreak" -> label + " contains a line break (" + character + "), which is not allowed";
                case "tab" -> label + " contains a tab (" + character + "), which is not allowed";
                case "controlCharacter" -> label + " contains an invisible control character (" + character
                        + "), which is not allowed";
                default -> label + " contains an invisible text-direction character (" + character
                        + "), which is not allowed";
            };
        }
    }

    /** The cleaned text, or a {@link RuleViolation} with the given rule code and the problem as a sentence. */
    public String require(String raw, Rule rule) {
        Verdict verdict = verdict(raw);
        if (verdict != null) {
            throw RuleViolation.keyed(rule, verdict.key(), sentence(verdict.english()), verdict.arguments().toArray());
        }
        return clean(raw);
    }

    /** A fragment from {@link #problem} as a sentence of its own. */
    public static String sentence(String fragment) {
        return fragment.substring(0, 1).toUpperCase(Locale.ROOT) + fragment.substring(1) + ".";
    }

    /**
     * The text as a message may quote it back: every character no text may hold, and any white space other
     * than a plain space, is shown as its code point ({@code <U+0000>}), so the reader sees what was wrong.
     */
    public static String visible(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder shown = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                shown.append(c).append(text.charAt(++i));
            } else if (forbidden(c, false) || (Character.isWhitespace(c) && c != ' ')) {
                shown.append(String.format(Locale.ROOT, "<U+%04X>", (int) c));
            } else {
                shown.append(c);
            }
        }
        return shown.toString();
    }

    /**
     * The index of the first character no text may hold (or that a single-line text may not hold), or -1.
     * A surrogate pair counts as one (allowed) character; either half alone is refused.
     */
    public static int firstForbidden(String text, boolean multiLine) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (forbidden(c, multiLine)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean forbidden(char c, boolean multiLine) {
        if (Character.isSurrogate(c)) {
            return true; // paired ones were skipped by the caller
        }
        if (c == '\n' || c == '\t') {
            return !multiLine;
        }
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return true;
        }
        if (c == '\u2028' || c == '\u2029') {
            return !multiLine;
        }
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static String kind(char c) {
        if (Character.isSurrogate(c)) {
            return "brokenCharacter";
        }
        if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
            return "lineBreak";
        }
        if (c == '\t') {
            return "tab";
        }
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return "controlCharacter";
        }
        return "directionCharacter";
    }
}
