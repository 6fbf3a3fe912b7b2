package org.oostkit.wrt.web.security;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.oostkit.wrt.adapters.i18n.Texts;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
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
 */
final class LimitedStepPage {

    private static final Pattern STEP = Pattern.compile("^/org/([^/]+)/nominate/(request-link|verify/again|verify/code|submit)/?$");
    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{20,100}$");

    private final Template template;

    LimitedStepPage(Mustache.Compiler compiler) {
        this.template = compiler.loadTemplate("nominate/limited");
    }

    /** Whether the path is a nominator's step this page is for. */
    static boolean covers(String path) {
        return STEP.matcher(path).matches();
    }

    void render(HttpServletRequest request, HttpServletResponse response, String path, long seconds)
            throws IOException {
        Matcher step = STEP.matcher(path);
        if (!step.matches()) {
            throw new IllegalArgumentException("not a nominator step: " + path);
        }
        String base = "/org/" + step.group(1) + "/nominate/";
        Map<String, Object> model = new HashMap<>();
        model.put("nav", false);
        model.put("signedInAs", false);
        model.put("flash", false);
        model.put("retry", inWords(seconds));
        // the wording beyond the fields is the nominator pages' own, in the language chosen there (if any)
        Object chosen = request.getSession(false) == null ? null : request.getSession(false).getAttribute(Texts.CHOSEN);
        Locale locale = Texts.locale(chosen instanceof String code ? code : null);
        model.put("t", Texts.bundled().html(locale));
        model.put("lang", locale.getLanguage());
        model.put("action", request.getRequestURI());
        String visible;
        switch (step.group(2)) {
            case "request-link" -> {
                visible = "email";
                field(model, "email", "Your email address", request, "email", false);
                model.put("button", "Send me a code");
                String token = request.getParameter("token");
                if (token != null && TOKEN.matcher(token).matches()) {
                    back(model, base + token, "Back to the invitation");
                } else {
                    model.put("back", false);
                }
            }
            case "verify/again" -> {
                visible = "email";
                field(model, "email", "Your email address", request, "email", false);
                model.put("button", "Send me a code");
                back(model, base + "verify/again", "Back to your email address");
            }
            case "verify/code" -> {
                visible = "code";
                field(model, "code", "6-digit code", request, "one-time-code", true);
                model.put("button", "Continue");
                back(model, base + "verify", "Back to the code page");
            }
            default -> {
                visible = null;
                model.put("field", false);
                model.put("button", "Save my list");
                back(model, base + "form", "Back to your list (what you typed here is not saved yet)");
            }
        }
        model.put("heading", visible == null ? "Your list is not saved yet" : "One moment, please");
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
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setContentType("text/html;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // the form and the link carry the invitation's token: never let it leave in a Referer, never cache it
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        Writer writer = response.getWriter();
        template.execute(model, writer);
        writer.flush();
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

    /** Retry-After in words, rounded up, as a person would say it. */
    static String inWords(long seconds) {
        if (seconds <= 1) {
            return "Please try again in a second.";
        }
        if (seconds < 60) {
            return "Please try again in " + seconds + " seconds.";
        }
        long minutes = (seconds + 59) / 60;
        return minutes == 1 ? "Please try again in a minute." : "Please try again in " + minutes + " minutes.";
    }
}
