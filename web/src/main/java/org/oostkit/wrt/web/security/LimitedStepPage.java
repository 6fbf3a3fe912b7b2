package org.oostkit.wrt.web.security;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.oostkit.wrt.api.campaign.CampaignLanguage;
import org.oostkit.wrt.adapters.i18n.Texts;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 429 page of a nominator's step (address, code, list): it keeps what the person typed in a form that sends
 * the same request again, says when in words, and links back to their own step, never to the admins' sign-in.
 * Rendered here, before Spring Security, so a refused request costs no session or CSRF work; the form carries
 * the CSRF token the refused request carried (valid for the same session, checked when it is sent again).
 * Any other nominator page asked for with GET gets the same page with a button that asks for it again. Its
 * words are the nominator pages', in their language ({@link #locale}).
 */
final class LimitedStepPage {

    private static final Pattern STEP = Pattern.compile("^/org/([^/]+)/nominate/(request-link|verify/again|verify/code|submit)/?$");
    private static final Pattern PAGE = Pattern.compile("^/org/([^/]+)/nominate(/.*)?$");
    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{20,100}$");

    private final Template template;

    LimitedStepPage(Mustache.Compiler compiler) {
        this.template = compiler.loadTemplate("nominate/limited");
    }

    /** Whether the request is for a nominator's step or (with GET) another nominator page: this page is for it. */
    static boolean covers(String method, String path) {
        return STEP.matcher(path).matches() || ("GET".equals(method) && PAGE.matcher(path).matches());
    }

    void render(HttpServletRequest request, HttpServletResponse response, String path, long seconds)
            throws IOException {
        Matcher step = STEP.matcher(path);
        Matcher page = PAGE.matcher(path);
        boolean isStep = step.matches();
        if (!isStep && !("GET".equals(request.getMethod()) && page.matches())) {
            throw new IllegalArgumentException("not a nominator page: " + path);
        }
        String base = "/org/" + (isStep ? step.group(1) : page.group(1)) + "/nominate/";
        // the nominator pages' language: chosen there, else the campaign's, else the browser's (of the four)
        Locale locale = locale(request);
        Texts texts = Texts.bundled();
        Map<String, Object> model = NominatorFilterPages.model(locale);
        model.put("method", isStep ? "post" : "get");
        model.put("retry", inWords(seconds, locale));
        model.put("action", request.getRequestURI());
        String visible;
        switch (isStep ? step.group(2) : "page") {
            case "page" -> {
                // the same address again (its query in hidden fields): the page itself keeps nothing typed
                visible = null;
                model.put("field", false);
                model.put("button", texts.get(locale, "nominate.limited.again"));
                model.put("back", false);
            }
            case "request-link" -> {
                visible = "email";
                field(model, "email", texts.get(locale, "nominate.landing.email"), request, "email", false);
                model.put("button", texts.get(locale, "nominate.landing.send"));
                String token = request.getParameter("token");
                if (token != null && TOKEN.matcher(token).matches()) {
                    back(model, base + token, texts.get(locale, "nominate.limited.backInvitation"));
                } else {
                    model.put("back", false);
                }
            }
            case "verify/again" -> {
                visible = "email";
                field(model, "email", texts.get(locale, "nominate.landing.email"), request, "email", false);
                model.put("button", texts.get(locale, "nominate.landing.send"));
                back(model, base + "verify/again", texts.get(locale, "nominate.limited.backEmail"));
            }
            case "verify/code" -> {
                visible = "code";
                field(model, "code", texts.get(locale, "nominate.code.label"), request, "one-time-code", true);
                model.put("button", texts.get(locale, "nominate.code.continue"));
                back(model, base + "verify", texts.get(locale, "nominate.limited.backCode"));
            }
            default -> {
                visible = null;
                model.put("field", false);
                model.put("button", texts.get(locale, "nominate.form.save"));
                back(model, base + "form", texts.get(locale, "nominate.limited.backList"));
            }
        }
        model.put("heading", texts.get(locale, isStep && visible == null ? "nominate.limited.headingList"
                : "nominate.limited.heading"));
        model.put("title", model.get("heading"));
        List<Map<String, String>> hidden = new ArrayList<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals(visible)) {
                for (String value : values) {
                    hidden.add(Map.of("name", name, "value", value));
                }
            }
        });
        model.put("hidden", hidden);
        NominatorFilterPages.write(response, HttpStatus.TOO_MANY_REQUESTS, template, model);
    }

    private static void field(Map<String, Object> model, String name, String label, HttpServletRequest request,
                              String autocomplete, boolean numeric) {
        String value = request.getParameter(name);
        model.put("field", Map.of("name", name, "label", label, "value", value == null ? "" : value,
                "autocomplete", autocomplete, "numeric", numeric));
    }

    private static void back(Map<String, Object> model, String href, String label) {
        model.put("back", Map.of("href", href, "label", label));
    }

    /**
     * The language of the page: the one the nominator chose on the nominator pages, else that of the campaign they
     * were shown last (both kept in the session), else the first of the browser's languages that nominators are
     * addressed in, else English.
     */
    static Locale locale(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            for (String attribute : List.of(Texts.CHOSEN, Texts.CAMPAIGN_LANGUAGE)) {
                if (session.getAttribute(attribute) instanceof String code && CampaignLanguage.supported(code)) {
                    return Texts.locale(code);
                }
            }
        }
        return Texts.locale(browserLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    /** The first supported language of an Accept-Language header, by weight, or null. */
    static String browserLanguage(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() > 0) {
                String language = range.getRange().split("-", 2)[0];
                if (CampaignLanguage.supported(language)) {
                    return language;
                }
            }
        }
        return null;
    }

    /** Retry-After in words, rounded up, as a person would say it. */
    static String inWords(long seconds, Locale locale) {
        if (seconds < 60) {
            return Texts.bundled().get(locale, "nominate.limited.retrySeconds", Math.max(1, seconds));
        }
        return Texts.bundled().get(locale, "nominate.limited.retryMinutes", (seconds + 59) / 60);
    }
}
