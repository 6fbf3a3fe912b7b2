package org.oostkit.wrt.adapters.mail;

import com.samskivert.mustache.Mustache;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oostkit.wrt.api.campaign.CampaignLanguage;
import org.oostkit.wrt.api.campaign.CampaignSender;
import org.oostkit.wrt.query.time.LocalTimes;
import org.oostkit.wrt.adapters.i18n.Texts;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every nominator page and mail in every language (issue #17): the bundles have the same keys, every key a
 * template names exists, and each page and mail renders in each language with every branch taken.
 */
class NominatorTextsTest {

    static final List<String> PAGES = List.of("landing", "code", "form", "done", "problem", "limited", "contact",
            "expired");
    static final List<String> MAILS = List.of("invitation", "reminder", "verification-code", "nomination-copy",
            "selection", "_top.html", "_bottom.html", "_button.html");
    private static final Pattern KEY = Pattern.compile("\\{\\{#t}}([^{]+)\\{\\{/t}}");
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final Instant DEADLINE = Instant.parse("2026-12-18T16:00:00Z");

    static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = NominatorTextsTest.class.getClassLoader()
                .getResourceAsStream(Texts.BASENAME + suffix + ".properties")) {
            assertThat(in).as("bundle " + suffix).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @ParameterizedTest(name = "the {0} bundle has exactly the English keys, none blank")
    @ValueSource(strings = {"nl", "de", "fr"})
    void sameKeys(String language) throws IOException {
        Properties english = bundle("");
        Properties other = bundle("_" + language);
        assertThat(new TreeSet<>(other.stringPropertyNames())).isEqualTo(new TreeSet<>(english.stringPropertyNames()));
        assertThat(other.values()).allSatisfy(value -> assertThat((String) value).isNotBlank());
    }

    @Test
    @DisplayName("every key a nominator page or mail names is in the bundle")
    void everyKeyExists() throws IOException {
        Set<String> keys = bundle("").stringPropertyNames();
        List<String> templates = new ArrayList<>();
        PAGES.forEach(page -> templates.add("templates/nominate/" + page + ".mustache"));
        templates.add("templates/layout/header.mustache");
        for (String mail : MAILS) {
            for (String part : mail.startsWith("_") ? List.of("") : List.of(".subject", ".txt", ".html")) {
                templates.add("templates/mail/messages/" + mail + part + ".mustache");
            }
        }
        Set<String> named = new TreeSet<>();
        for (String template : templates) {
            Matcher matcher = KEY.matcher(read(template));
            while (matcher.find()) {
                named.add(matcher.group(1).strip());
            }
        }
        assertThat(named).hasSizeGreaterThan(60);
        // the keys the nominator controllers hand to the templates (errors, problem pages)
        Pattern literal = Pattern.compile("\"((?:nominate|problem)\\.[a-zA-Z.]+)\"");
        try (var sources = java.nio.file.Files.list(java.nio.file.Path.of(
                "src/main/java/org/oostkit/wrt/web/nomination"))) {
            for (java.nio.file.Path source : sources.toList()) {
                Matcher matcher = literal.matcher(java.nio.file.Files.readString(source));
                while (matcher.find()) {
                    named.add(matcher.group(1));
                }
            }
        }
        assertThat(named).contains("problem.closed.message", "nominate.error.self");
        assertThat(keys).containsAll(named);
    }

    @ParameterizedTest(name = "every nominator page renders in {0}")
    @ValueSource(strings = {"en", "nl", "de", "fr"})
    void pagesRender(String language) {
        Locale locale = Texts.locale(language);
        Mustache.Compiler compiler = Mustache.compiler().withLoader(name -> reader("templates/" + name + ".mustache"));
        for (String page : PAGES) {
            for (boolean branch : List.of(true, false)) {
                Map<String, Object> model = pageModel(branch);
                model.put("t", Texts.bundled().html(locale));
                model.put("lang", language);
                String html = compiler.compile(reader("templates/nominate/" + page + ".mustache")).execute(model);
                assertThat(html).as(page).doesNotContain("{{");
                if (!page.equals("contact")) {
                    assertThat(html).contains("lang=\"" + language + "\"");
                }
            }
        }
    }

    @ParameterizedTest(name = "every nominator mail renders in {0}, dates in its language")
    @ValueSource(strings = {"en", "nl", "de", "fr"})
    void mailsRender(String language) {
        MailComposer composer = new MailComposer(new MailTemplates(), new ProviderHeaders("postmark"),
                "https://wrt.example.org/", ZONE);
        Locale locale = Texts.locale(language);
        CampaignSender sender = new CampaignSender("Team", "team@example.org", "Grace", "grace@example.org");
        List<MailMessage> mails = new ArrayList<>();
        for (String purpose : List.of("INVITATION", "REMINDER")) {
            mails.add(composer.invitationMail(new OutboxRow(UUID.randomUUID(), purpose, UUID.randomUUID(),
                    UUID.randomUUID(), 0, "ada@example.org", "Ada", "acme", "Acme", "Board", "We meet.", DEADLINE,
                    null, sender, language), "tok"));
        }
        mails.add(composer.verificationCode(UUID.randomUUID(), UUID.randomUUID(), "Acme", "Board", "ada@example.org",
                "123456", DEADLINE, DEADLINE.minusSeconds(600), ZONE, sender, locale));
        mails.add(composer.nominationCopy(UUID.randomUUID(), "Acme", "Board", "ada@example.org",
                List.of(Map.of("name", "Bo", "email", "bo@example.org", "reason", "Knows it")), DEADLINE, DEADLINE,
                ZONE, sender, locale));
        String day = LocalTimes.moment(DEADLINE, ZONE, locale);
        for (MailMessage mail : mails) {
            assertThat(mail.subject()).as(mail.kind()).isNotBlank().doesNotContain("mail.");
            assertThat(mail.text()).as(mail.kind()).doesNotContain("{{").doesNotContain("mail.").contains(day)
                    .contains("Grace");
            assertThat(mail.html()).as(mail.kind()).contains("<html lang=\"" + language + "\">").contains(day);
        }
        assertThat(mails.get(2).text()).contains("10").contains("123456");
    }

    @ParameterizedTest(name = "the selection mail reads in {0}, the admin's message as written")
    @ValueSource(strings = {"en", "nl", "de", "fr"})
    void selectionMailRenders(String language) throws IOException {
        MailComposer composer = new MailComposer(new MailTemplates(), new ProviderHeaders("postmark"),
                "https://wrt.example.org/", ZONE);
        Locale locale = Texts.locale(language);
        CampaignSender sender = new CampaignSender("Team", "team@example.org", "Grace", "grace@example.org");
        MailMessage mail = composer.selectionMail(UUID.randomUUID(), "Acme", "Board", "ada@example.org", "Ada",
                "See you on Monday.", sender, locale);
        Properties bundle = bundle(language.equals("en") ? "" : "_" + language);
        String heading = bundle.getProperty("mail.selection.heading");
        assertThat(mail.subject()).startsWith(heading).endsWith(": Board");
        assertThat(mail.html()).contains("<html lang=\"" + language + "\">", heading, "See you on Monday.")
                .doesNotContain("{{");
        assertThat(mail.text()).contains("Ada", "Acme", "Board", "See you on Monday.", "Grace")
                .doesNotContain("{{").doesNotContain("mail.");
        if (!language.equals("en")) {
            assertThat(mail.text()).doesNotContain("has selected you").doesNotContain("Questions?");
            assertThat(mail.html()).doesNotContain("You have been selected");
        }
    }

    @Test
    @DisplayName("a worded sentence handed to the t lambda as a value is escaped once, by the page")
    void sentenceValueEscapedOnce() {
        Map<String, Object> page = Map.of("t", Texts.bundled().html(Locale.FRENCH),
                "problem", "L’adresse «it's <b>» & co");
        assertThat(Mustache.compiler().compile("{{#t}}{{problem}}{{/t}}").execute(page))
                .isEqualTo("L’adresse «it&#39;s &lt;b&gt;» &amp; co");
    }

    @Test
    @DisplayName("plurals read per language, French counting zero as one")
    void plurals() {
        Texts texts = Texts.bundled();
        assertThat(texts.get(Locale.ENGLISH, "nominate.done.count", 1)).isEqualTo("one person");
        assertThat(texts.get(Locale.ENGLISH, "nominate.done.count", 3)).isEqualTo("3 people");
        assertThat(texts.get(Locale.forLanguageTag("nl"), "nominate.done.count", 3)).isEqualTo("3 personen");
        assertThat(texts.get(Locale.GERMAN, "mail.code.preheader", 1)).isEqualTo("Gültig für eine Minute.");
        assertThat(texts.get(Locale.FRENCH, "mail.code.validity", 10, "x")).isEqualTo(
                "Il est valable 10 minutes, jusqu’au x, et ne sert qu’une fois.");
        assertThat(CampaignLanguage.SUPPORTED).containsExactly("en", "nl", "de", "fr");
    }

    private static Map<String, Object> pageModel(boolean branch) {
        Map<String, Object> model = new HashMap<>();
        for (String name : List.of("title", "organisationName", "campaignName", "roundNumber", "deadline",
                "deadlineIso", "deadlineZone", "action", "token", "email", "emailError", "code", "codeError",
                "newCodeHref", "nominatorEmail", "maxNominees", "formHref", "copyHref", "count", "heading",
                "message", "retry", "button", "invitationText", "draftKey")) {
            model.put(name, name + "-value");
        }
        model.put("_csrf", Map.of("parameterName", "_csrf", "token", "x"));
        model.put("campaignContact", Map.of("label", "Grace", "email", "grace@example.org"));
        model.put("nobody", branch);
        model.put("confirmNobody", branch);
        model.put("savedNobody", !branch);
        model.put("savedList", branch);
        model.put("unsaved", true);
        model.put("withdraw", branch);
        Map<String, Object> row = Map.of("index", "0", "number", "1", "name", "Bo", "email", "bo@example.org",
                "reason", "r", "filled", true, "hasReason", true, "editHref", "#", "nameError", "e");
        if (branch) {
            model.put("compact", Map.of("people", List.of(row), "addHref", "#"));
        } else {
            model.put("rows", List.of(row));
        }
        model.put("errors", Map.of("items", List.of(Map.of("href", "#", "number", "1", "error",
                "nominate.error.self")), "formError", "nominate.error.tooMany"));
        model.put("named", List.of(Map.of("name", "Bo", "email", "bo@example.org")));
        model.put("next", Map.of("href", "#", "label", "next"));
        model.put("hidden", List.of(Map.of("name", "n", "value", "v")));
        model.put("field", Map.of("name", "email", "label", "l", "value", "v", "autocomplete", "email",
                "numeric", false));
        model.put("back", Map.of("href", "#", "label", "back"));
        model.put("method", branch ? "post" : "get");
        model.put("list", branch);
        model.put("typed", branch ? List.of(Map.of("name", "Bo", "email", "", "reason", "r", "hasEmail", false,
                "hasReason", true)) : List.of());
        model.put("nav", false);
        model.put("signedInAs", false);
        model.put("flash", false);
        model.put("languages", List.of(Map.of("code", "nl", "label", "Nederlands", "href", "?lang=nl",
                "current", true)));
        return model;
    }

    private static String read(String path) throws IOException {
        try (Reader reader = reader(path)) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[4096];
            for (int n; (n = reader.read(buffer)) > 0; ) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        }
    }

    private static Reader reader(String path) {
        InputStream stream = NominatorTextsTest.class.getClassLoader().getResourceAsStream(path);
        assertThat(stream).as(path).isNotNull();
        return new InputStreamReader(stream, StandardCharsets.UTF_8);
    }
}
