package org.oostkit.wrt.api.campaign;

import org.oostkit.wrt.api.common.Rule;
import org.oostkit.wrt.api.common.RuleViolation;

import java.util.List;
import java.util.Locale;

/** The languages nominator pages and mails are written in (issue #17); English for campaigns that chose none. */
public final class CampaignLanguage {

    /** ISO 639-1 codes, in the order they are offered. */
    public static final List<String> SUPPORTED = List.of("en", "nl", "de", "fr");

    public static final String DEFAULT = "en";

    private CampaignLanguage() {
    }

    /** Whether the code names a supported language (exactly, lower case). */
    public static boolean supported(String code) {
        return code != null && SUPPORTED.contains(code);
    }

    /** The code, trimmed and lower-cased, or a rule violation when it is not one of {@link #SUPPORTED}. */
    public static String require(String raw) {
        String code = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!supported(code)) {
            throw new RuleViolation(Rule.LANGUAGE_UNSUPPORTED,
                    "The language must be one of " + String.join(", ", SUPPORTED) + ".",
                    String.join(", ", SUPPORTED));
        }
        return code;
    }
}
