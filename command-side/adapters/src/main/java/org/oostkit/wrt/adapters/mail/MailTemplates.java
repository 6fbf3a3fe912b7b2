package org.oostkit.wrt.adapters.mail;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import org.oostkit.wrt.adapters.i18n.Texts;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders the mails from Mustache templates: {@code templates/mail/messages/<kind>.subject|txt|html.mustache}.
 * The HTML body is escaped; the text body and the subject are not (they are not HTML). Their sentences come from
 * the nominator bundles ({@link Texts}) in the mail's language, through the {@code t} lambda.
 */
class MailTemplates {

    enum Kind {
        INVITATION("invitation"), REMINDER("reminder"), VERIFICATION_CODE("verification-code"),
        SIGN_IN_LINK("sign-in-link"), RETENTION_WARNING("retention-warning"), NOMINATION_COPY("nomination-copy"),
        SELECTION("selection");

        final String file;

        Kind(String file) {
            this.file = file;
        }
    }

    /** A rendered mail's three parts. */
    record Rendered(String subject, String text, String html) {
    }

    private static final String ROOT = "templates/mail/messages/";

    private final Mustache.Compiler html;
    private final Mustache.Compiler plain;
    private final Map<String, Template> cache = new ConcurrentHashMap<>();

    MailTemplates() {
        Mustache.TemplateLoader loader = name -> reader(ROOT + name + ".mustache");
        this.html = Mustache.compiler().withLoader(loader).defaultValue("");
        this.plain = Mustache.compiler().withLoader(loader).escapeHTML(false).defaultValue("");
    }

    Rendered render(Kind kind, Map<String, Object> model) {
        return render(kind, model, Locale.ENGLISH);
    }

    Rendered render(Kind kind, Map<String, Object> model, Locale locale) {
        Texts texts = Texts.bundled();
        Map<String, Object> context = new HashMap<>(model);
        context.put("lang", locale.getLanguage());
        context.put("t", texts.plain(locale));
        String subject = template(plain, kind.file + ".subject").execute(context).strip().replaceAll("\\s+", " ");
        context.put("subject", subject);
        String text = template(plain, kind.file + ".txt").execute(context);
        context.put("t", texts.html(locale));
        return new Rendered(subject, text, template(html, kind.file + ".html").execute(context));
    }

    private Template template(Mustache.Compiler compiler, String name) {
        return cache.computeIfAbsent((compiler == html ? "h:" : "p:") + name, key -> {
            try (Reader reader = reader(ROOT + name + ".mustache")) {
                return compiler.compile(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Reader reader(String path) {
        var stream = MailTemplates.class.getClassLoader().getResourceAsStream(path);
        if (stream == null) {
            throw new IllegalStateException("mail template missing: " + path);
        }
        return new InputStreamReader(stream, StandardCharsets.UTF_8);
    }
}
