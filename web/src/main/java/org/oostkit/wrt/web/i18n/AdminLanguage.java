package org.oostkit.wrt.web.i18n;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;

import org.oostkit.wrt.adapters.i18n.Texts;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The admins' language: the one they chose with the switch on every page ({@code ?lang=nl}, kept a year in a
 * cookie), else the first supported one their browser asks for, else English. Neither the organisation nor the
 * campaign plays a part: the campaign's language is the nominators'.
 */
public final class AdminLanguage implements LocaleResolver {

    /** ISO 639-1 codes of the admin bundles, in the order the switch offers them. */
    public static final List<String> SUPPORTED = List.of("en", "nl");
    static final String COOKIE = "wrt-lang";
    /** The admin pages' bundles: {@code i18n/admin[_nl].properties} in this module. */
    public static final String BASENAME = "i18n/admin";
    private static final Texts TEXTS = Texts.of(BASENAME);
    private static final String CHOSEN = AdminLanguage.class.getName() + ".chosen";

    /** The language of the admin page being answered (Spring sets it per request from this resolver). */
    public static Locale locale() {
        return supported(LocaleContextHolder.getLocale());
    }

    /** The admin bundles' texts. */
    public static Texts texts() {
        return TEXTS;
    }

    /** An admin text in the current request's language; with arguments a {@link java.text.MessageFormat}. */
    public static String text(String key, Object... args) {
        return TEXTS.get(locale(), key, args);
    }

    /** An admin text, or the fallback for a key the bundle lacks (a value the read model may one day add). */
    public static String textOr(String key, String fallback) {
        return TEXTS.getOr(locale(), key, fallback);
    }

    static Locale supported(Locale locale) {
        return locale != null && SUPPORTED.contains(locale.getLanguage()) ? Locale.forLanguageTag(locale.getLanguage())
                : Locale.ENGLISH;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(CHOSEN) instanceof Locale chosen) {
            return chosen;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName()) && SUPPORTED.contains(cookie.getValue())) {
                    return Locale.forLanguageTag(cookie.getValue());
                }
            }
        }
        for (Locale asked : Collections.list(request.getLocales())) {
            if (SUPPORTED.contains(asked.getLanguage())) {
                return Locale.forLanguageTag(asked.getLanguage());
            }
        }
        return Locale.ENGLISH;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        if (locale == null || !SUPPORTED.contains(locale.getLanguage()) || response == null) {
            return;
        }
        String code = locale.getLanguage();
        request.setAttribute(CHOSEN, Locale.forLanguageTag(code));
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, code).path("/")
                .maxAge(Duration.ofDays(365)).httpOnly(true).secure(request.isSecure()).sameSite("Lax").build()
                .toString());
    }
}
