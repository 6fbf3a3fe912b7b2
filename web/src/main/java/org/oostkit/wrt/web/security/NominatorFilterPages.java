package org.oostkit.wrt.web.security;

import com.samskivert.mustache.Template;
import jakarta.servlet.http.HttpServletResponse;
import org.oostkit.wrt.adapters.i18n.Texts;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the nominator pages that security filters answer with themselves (too many requests, a stale form)
 * share: the layout's model in the nominator's language, and a response that is never cached and never sends
 * a Referer (their links and forms carry an invitation's token, their lists other people's names).
 */
final class NominatorFilterPages {

    private NominatorFilterPages() {
    }

    /** The layout's part of the model: no navigation, nobody signed in, texts in {@code locale}. */
    static Map<String, Object> model(Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("nav", false);
        model.put("signedInAs", false);
        model.put("flash", false);
        model.put("t", Texts.bundled().html(locale));
        model.put("lang", locale.getLanguage());
        return model;
    }

    static void write(HttpServletResponse response, HttpStatus status, Template template, Map<String, Object> model)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType("text/html;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        Writer writer = response.getWriter();
        template.execute(model, writer);
        writer.flush();
    }
}
