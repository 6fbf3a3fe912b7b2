package org.oostkit.wrt.adapters.i18n;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import org.oostkit.wrt.api.campaign.CampaignLanguage;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Texts from a message bundle (UTF-8): the nominators' {@code i18n/nominator} here, the admins' bundle named by the web
 * module. Templates read them through the {@code {{#t}}key{{/t}}} lambda; plurals are
 * {@link java.text.MessageFormat} choices, read by {@link #get(Locale, String, Object...)}.
 */
public final class Texts {

    public static final String BASENAME = "i18n/nominator";

    /** The session attribute holding the language a nominator chose on a page ({@code ?lang=nl}). */
    public static final String CHOSEN = "wrt.nominator.language";

    /**
     * The session attribute holding the language of the campaign last shown in this session: for the pages that
     * name no campaign (the code form, a step's 429 page, rendered before the nominator pages' own code runs).
     */
    public static final String CAMPAIGN_LANGUAGE = "wrt.nominator.campaignLanguage";

    /** What a text key looks like ({@code round.close.title}); anything else is shown as written. */
    public static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[a-z][a-zA-Z]*(\\.[a-zA-Z]+)+");

    private static final Texts INSTANCE = new Texts(source(BASENAME));

    private final MessageSource messages;
    private final Mustache.Compiler html = Mustache.compiler().nullValue("");
    private final Mustache.Compiler plain = Mustache.compiler().nullValue("").escapeHTML(false);
    private final Map<String, Template> cache = new ConcurrentHashMap<>();

    Texts(MessageSource messages) {
        this.messages = messages;
    }

    /** The texts of the bundles on the class path. */
    public static Texts bundled() {
        return INSTANCE;
    }

    /** The texts of another bundle on the class path (the admin pages' bundle lives in the web module). */
    public static Texts of(String basename) {
        return new Texts(source(basename));
    }

    private static MessageSource source(String basename) {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename(basename);
        source.setDefaultEncoding("UTF-8");
        // a language without a bundle reads English, whatever the server's own locale
        source.setFallbackToSystemLocale(false);
        return source;
    }

    /** The locale of a supported language code; English for anything else. */
    public static Locale locale(String code) {
        return Locale.forLanguageTag(CampaignLanguage.supported(code) ? code : CampaignLanguage.DEFAULT);
    }

    /**
     * A text; with arguments it is a {@link java.text.MessageFormat} pattern (plurals as choices), without
     * arguments it is taken as written.
     */
    public String get(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, locale);
    }

    /** A text taken as written, or the fallback when no bundle has the key. */
    public String getOr(Locale locale, String key, String fallback) {
        return messages.getMessage(key, null, fallback, locale);
    }

    /** The {@code t} lambda for HTML pages and mails in this language. */
    public Mustache.Lambda html(Locale locale) {
        return lambda(locale, html, "h");
    }

    /** The {@code t} lambda for plain text (mail text bodies, subjects). */
    public Mustache.Lambda plain(Locale locale) {
        return lambda(locale, plain, "p");
    }

    private Mustache.Lambda lambda(Locale locale, Mustache.Compiler compiler, String kind) {
        return (fragment, out) -> {
            // the fragment is a key, or names a value holding one ({{#t}}{{codeError}}{{/t}})
            String key = fragment.execute().strip();
            if (!KEY.matcher(key).matches()) {
                // a sentence from a rule shared with the admin pages (TextRule), shown as it is: a value named in
                // the fragment was escaped by the page's own template already (escaping it here again turned
                // an apostrophe into "&amp;#39;")
                out.write(key);
                return;
            }
            String text = get(locale, key);
            if (text.contains("{{")) {
                fragment.executeTemplate(cache.computeIfAbsent(kind + ":" + locale + ":" + key,
                        any -> compiler.compile(text)), out);
            } else {
                out.write(text);
            }
        };
    }
}
