package org.oostkit.wrt.web.i18n;

import com.samskivert.mustache.Mustache;
import org.oostkit.wrt.adapters.i18n.Texts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every admin page in English and Dutch (issue #17): both bundles have the same keys, every key a template or
 * the Java code names exists, each page renders in each language with every section shown and with every
 * section hidden, and no admin page keeps an English sentence of its own (the operator's and developer's pages aside).
 */
class AdminTextsTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path SOURCES = Path.of("src/main/java/org/oostkit/wrt/web");
    private static final Pattern KEY = Pattern.compile("\\{\\{#([ta])}}([^{]+)\\{\\{/\\1}}");
    /** Pages for the operator and the developer, not for an organisation's admins: English only. */
    static final List<String> NOT_ADMIN = List.of("operator/replay", "mail/dev-mailbox");
    /** Words that are the same in every language. */
    private static final Set<String> NAMES = Set.of("WRT", "· Workshop Referral Tool", "Workshop Referral Tool",
            "Skip to content", "HTML", "CSV", "PDF");

    static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = AdminTextsTest.class.getClassLoader()
                .getResourceAsStream(AdminLanguage.BASENAME + suffix + ".properties")) {
            assertThat(in).as("bundle " + suffix).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    /** Every page template an admin (or anyone signed in) may see: all but the nominators' pages and the mails. */
    static List<String> adminTemplates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".mustache"))
                    .map(f -> TEMPLATES.relativize(f).toString().replace('\\', '/').replace(".mustache", ""))
                    .filter(name -> !name.startsWith("nominate/") && !name.startsWith("mail/messages/"))
                    .sorted().toList();
        }
    }

    @Test
    @DisplayName("the Dutch bundle has exactly the English keys, none blank")
    void sameKeys() throws IOException {
        Properties english = bundle("");
        Properties dutch = bundle("_nl");
        assertThat(new TreeSet<>(dutch.stringPropertyNames())).isEqualTo(new TreeSet<>(english.stringPropertyNames()));
        assertThat(dutch.values()).allSatisfy(value -> assertThat((String) value).isNotBlank());
        assertThat(english.values()).allSatisfy(value -> assertThat((String) value).isNotBlank());
    }

    @Test
    @DisplayName("every key an admin template or the Java code names is in the bundle")
    void everyKeyExists() throws IOException {
        Set<String> admin = bundle("").stringPropertyNames();
        Properties nominator = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(Texts.BASENAME + ".properties")) {
            nominator.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> named = new TreeSet<>();
        for (String template : adminTemplates()) {
            Matcher matcher = KEY.matcher(Files.readString(TEMPLATES.resolve(template + ".mustache")));
            while (matcher.find()) {
                String key = matcher.group(2).strip();
                // the preview form shows the nominators' form in their words (t) with the admin's notes (a)
                if (template.equals("campaign/preview-form") && matcher.group(1).equals("t")) {
                    assertThat(nominator.stringPropertyNames()).as(template).contains(key);
                } else {
                    named.add(key);
                }
            }
        }
        Pattern literal = Pattern.compile("AdminLanguage\\.text(?:Or)?\\(\"([a-zA-Z.]+[a-zA-Z])\"");
        try (Stream<Path> sources = Files.walk(SOURCES)) {
            for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = literal.matcher(Files.readString(source));
                while (matcher.find()) {
                    named.add(matcher.group(1));
                }
            }
        }
        // anything else the t lambda would print as it stands, as a sentence rather than a key
        assertThat(named).allMatch(key -> Texts.KEY.matcher(key).matches());
        assertThat(named).hasSizeGreaterThan(150).contains("tab.rounds", "round.times", "layout.signOut");
        assertThat(admin).containsAll(named);
    }

    @Test
    @DisplayName("every event type has a name in the audit trail's languages")
    void everyEventIsNamed() throws IOException {
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new org.springframework.core.type.filter.AnnotationTypeFilter(
                org.axonframework.serialization.Revision.class));
        List<String> events = scanner.findCandidateComponents("org.oostkit.wrt.api").stream()
                .map(bean -> bean.getBeanClassName().substring(bean.getBeanClassName().lastIndexOf('.') + 1))
                .toList();
        assertThat(events).hasSizeGreaterThan(40).contains("OrganisationLogoChanged");
        assertThat(bundle("").stringPropertyNames()).containsAll(events.stream().map(e -> "event." + e).toList());
    }

    @ParameterizedTest(name = "every admin page renders in {0}, with every section shown and hidden")
    @ValueSource(strings = {"en", "nl"})
    void pagesRender(String language) throws IOException {
        Locale locale = Locale.forLanguageTag(language);
        Mustache.Compiler compiler = Mustache.compiler().defaultValue("")
                .withLoader(name -> reader(name));
        Mustache.Lambda t = AdminLanguage.texts().html(locale);
        for (String template : adminTemplates()) {
            Mustache.Lambda pageT = template.equals("campaign/preview-form") ? Texts.bundled().html(locale) : t;
            String all = compiler.compile(reader(template)).execute(new Anything(pageT, t, true));
            String none = compiler.compile(reader(template)).execute(new Anything(pageT, t, false));
            assertThat(all).as(template).doesNotContain("{{");
            assertThat(none).as(template).doesNotContain("{{");
        }
    }

    @Test
    @DisplayName("a translated page keeps no English sentence of its own")
    void noEnglishLeft() throws IOException {
        assertThat(adminTemplates()).containsAll(NOT_ADMIN).hasSizeGreaterThan(45);
        Pattern wordsInNames = Pattern.compile("(id|for|name|href|value|action|class|src|type|aria-labelledby"
                + "|aria-describedby)=\"[^\"]*\\{\\{#[ta]}}");
        for (String template : adminTemplates().stream().filter(t -> !NOT_ADMIN.contains(t)).toList()) {
            // words belong in text and labels, never in a name, an id or an address
            assertThat(Files.readString(TEMPLATES.resolve(template + ".mustache"))).as(template)
                    .doesNotContainPattern(wordsInNames);
            String text = Files.readString(TEMPLATES.resolve(template + ".mustache"))
                    .replaceAll("(?s)\\{\\{#([ta])}}.*?\\{\\{/\\1}}", " ")
                    .replaceAll("(?s)<script.*?</script>", " ")
                    .replaceAll("\\{\\{[^}]*}}", " ");
            Matcher attributes = Pattern.compile("(aria-label|title|placeholder|data-busy|alt)=\"([^\"]*)\"")
                    .matcher(text);
            while (attributes.find()) {
                assertThat(attributes.group(2).strip()).as(template + " " + attributes.group()).isEmpty();
            }
            for (String part : text.replaceAll("<[^>]*>", "\n").split("\\s*\n\\s*")) {
                if (part.strip().matches(".*[A-Za-z]{2,}.*")) {
                    assertThat(NAMES).as(template + ": English left").contains(part.strip());
                }
            }
        }
    }

    private static Reader reader(String name) {
        InputStream stream = AdminTextsTest.class.getClassLoader().getResourceAsStream("templates/" + name
                + ".mustache");
        assertThat(stream).as(name).isNotNull();
        return new InputStreamReader(stream, StandardCharsets.UTF_8);
    }

    /** A context in which every name is present, and true (every section shown) or false (every one hidden). */
    private static final class Anything extends AbstractMap<String, Object> {
        private final Mustache.Lambda t;
        private final Mustache.Lambda a;
        private final boolean shown;

        Anything(Mustache.Lambda t, Mustache.Lambda a, boolean shown) {
            this.t = t;
            this.a = a;
            this.shown = shown;
        }

        @Override
        public Object get(Object key) {
            return "t".equals(key) ? t : "a".equals(key) ? a : shown ? this : Boolean.FALSE;
        }

        @Override
        public boolean containsKey(Object key) {
            return true;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return Set.of();
        }

        @Override
        public String toString() {
            return "x";
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
