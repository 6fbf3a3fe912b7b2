package org.oostkit.wrt.api.organisation;

import java.util.regex.Pattern;

/** The rule for an organisation's slug (its address, {@code /org/<slug>}), for the aggregate and the forms alike. */
public final class OrganisationSlug {

    /** What a valid slug is, as a sentence part for messages. */
    public static final String RULE = "1 to 63 lower-case letters, digits or hyphens, starting and ending with a "
            + "letter or digit";

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$");

    private OrganisationSlug() {
    }

    /** Whether this (already stripped) text is a valid slug. */
    public static boolean isValid(String slug) {
        return slug != null && SLUG.matcher(slug).matches();
    }
}
