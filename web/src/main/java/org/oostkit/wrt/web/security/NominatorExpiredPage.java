package org.oostkit.wrt.web.security;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.oostkit.wrt.adapters.i18n.Texts;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 403 page of a nominator's form that Spring Security's CSRF check refused: mostly a page left open until its
 * session ended (or the server restarted), then sent. It says so in the nominator pages' language (as
 * {@link LimitedStepPage#locale} chooses it: the session's, else the browser's, else English), that nothing was
 * saved, that a list being typed is kept in this browser tab ({@code /js/nominate.js} keeps it in
 * {@code sessionStorage}), and the way back in: the invitation link when the refused form carried its token
 * (the email step), else the invitation mail. What the refused list held is shown as text, for browsers
 * without the script. Never the admins' error page, never their sign-in.
 */
final class NominatorExpiredPage {

    private static final Pattern PAGE = Pattern.compile("^/org/([^/]+)/nominate(/.*)?$");
    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{20,100}$");
    /** At most this many typed rows are shown back (the form takes 50 people). */
    private static final int MAX_ROWS = 60;

    private final Template template;

    NominatorExpiredPage(Mustache.Compiler compiler) {
        this.template = compiler.loadTemplate("nominate/expired");
    }

    /** Whether the path is a nominator page (the refusal then gets this page). */
    static boolean covers(String path) {
        return path != null && PAGE.matcher(path).matches();
    }

    void render(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        Matcher page = PAGE.matcher(path);
        if (!page.matches()) {
            throw new IllegalArgumentException("not a nominator page: " + path);
        }
        Locale locale = LimitedStepPage.locale(request);
        Map<String, Object> model = NominatorFilterPages.model(locale);
        model.put("title", Texts.bundled().get(locale, "nominate.expired.title"));
        String token = request.getParameter("token");
        model.put("back", token != null && TOKEN.matcher(token).matches()
                ? Map.of("href", "/org/" + page.group(1) + "/nominate/" + token) : false);
        List<Map<String, Object>> typed = typed(request);
        model.put("list", "/submit".equals(page.group(2)) && !"none".equals(request.getParameter("action")));
        model.put("typed", typed);
        NominatorFilterPages.write(response, HttpStatus.FORBIDDEN, template, model);
    }

    /** The rows the refused form sent (name, email, reason), blank ones left out. */
    private static List<Map<String, Object>> typed(HttpServletRequest request) {
        String[] names = values(request, "name");
        String[] emails = values(request, "email");
        String[] reasons = values(request, "reason");
        List<Map<String, Object>> rows = new ArrayList<>();
        if (names.length == 0 || request.getParameter("token") != null) {
            return rows; // not the list form (the email step sends an address, not a person)
        }
        for (int i = 0; i < names.length && rows.size() < MAX_ROWS; i++) {
            String name = names[i].strip();
            String email = i < emails.length ? emails[i].strip() : "";
            String reason = i < reasons.length ? reasons[i].strip() : "";
            if (!name.isEmpty() || !email.isEmpty() || !reason.isEmpty()) {
                rows.add(Map.of("name", name, "email", email, "reason", reason,
                        "hasEmail", !email.isEmpty(), "hasReason", !reason.isEmpty()));
            }
        }
        return rows;
    }

    private static String[] values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? new String[0] : values;
    }
}
