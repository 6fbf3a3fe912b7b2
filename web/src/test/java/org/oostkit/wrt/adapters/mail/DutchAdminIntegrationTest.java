package org.oostkit.wrt.adapters.mail;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.invitation.InvitationCommands.RequestVerificationCode;
import org.oostkit.wrt.api.invitation.InvitationCommands.VerifyCode;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.invitation.IssuedCode;
import org.oostkit.wrt.api.nomination.NominationCommands.SubmitNominations;
import org.oostkit.wrt.api.nomination.NomineeInput;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.web.security.OrganisationRoles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A Dutch admin (issue #17): with a browser asking for Dutch, the round page and the pages around it contain no
 * English sentence; the switch on the page makes them English and is remembered, whatever the browser asks.
 */
class DutchAdminIntegrationTest extends MailIntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Words the Java code puts on the round page, besides the bundles' sentences. */
    private static final List<String> ENGLISH = List.of("Round 1", "Round 1 of", "Rounds", "Overview",
            "Seed group", "Results", "Audit trail", "Campaigns", "Settings", "Sign out", "Contacts", "not yet",
            "Send again", "Remind now", "everyone", "responded", "contacted", "delivered", "mail pending",
            "sending failed", "Whom they named", "Counts", "Started", "Closes", "Monday", "Tuesday", "Wednesday",
            "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "June", "July",
            "August", "September", "October", "November", "December", "sent", "closed", "Name", "Email", "Previous", "Next", "Cancel", "Save");

    @Autowired
    MockMvc mvc;

    @Test
    void aDutchAdminReadsTheRoundPageInDutchUntilSwitchingToEnglish() throws Exception {
        String domain = domain();
        String admin = "admin@" + domain;
        OrganisationId org = wrt().organisation(admin);
        String slug = slugOf(org);
        CampaignId campaign = campaign(org, Actor.admin(admin), "", "Ada", "ada@" + domain, "Bo", "bo@" + domain);
        wrt().startRound(org, campaign, Actor.admin(admin), Duration.ofDays(10));
        InvitationId ada = new InvitationId(invitations(campaign).get("ada@" + domain));
        IssuedCode code = wrt().send(new RequestVerificationCode(ada, org, "ada@" + domain));
        wrt().send(new VerifyCode(ada, org, code.code()));
        wrt().send(SubmitNominations.of(org, ada, List.of(new NomineeInput("Dee", "dee@" + domain, "Weet veel"))),
                Actor.nominator(ada));
        RequestPostProcessor asAdmin = user(admin).authorities(new SimpleGrantedAuthority(OrganisationRoles.admin(slug)));
        String base = "/org/" + slug + "/campaigns/" + campaign.value();
        String round = base + "/rounds/1";

        await("the answer on the round page").atMost(WAIT).untilAsserted(() -> assertThat(dutch(asAdmin, round))
                .contains("Dee"));
        String page = dutch(asAdmin, round);
        assertThat(page).contains("<html lang=\"nl\">", "Ronde 1", "Contacten (2)", "Wie ze noemden", "Afmelden",
                "noemde 1", "Nieuwe sluitingsdatum", "Nu herinneren").containsPattern("Sluit \\p{L}+dag \\d+ ");
        assertNoEnglish("round page", page);
        keep("round-nl", page);
        for (String path : List.of(base, base + "/rounds", base + "/seed", round + "/close", base + "/edit",
                base + "/sender", "/org/" + slug + "/manage", base + "/results", "/org/" + slug + "/settings")) {
            String shown = dutch(asAdmin, path);
            assertNoEnglish(path, shown);
            keep(path.substring(path.lastIndexOf('/') + 1) + "-nl", shown);
        }

        // the audit trail says what happened in the admin's language too, worded from the domain's key and values
        String trail = dutch(asAdmin, base + "/audit");
        assertThat(trail).contains("Persoon aan de startgroep toegevoegd: Ada &lt;ada@" + domain + "&gt;",
                        "Ronde 1 gestart met 2 uitnodigingen, sluitingsdatum ",
                        "Ronde 1: 1 persoon voorgedragen: Dee &lt;dee@" + domain + "&gt; (reden: “Weet veel”)")
                .doesNotContain("Seed person added", "started with", "nominated");
        assertNoEnglish("audit trail", trail);
        keep("audit-nl", trail);

        // a refusal from the command side reads in the admin's language, not in the domain's English
        String refused = mvc.perform(post(base + "/complete").with(csrf())
                        .header("Accept-Language", "nl-NL,nl;q=0.9,en;q=0.8").with(asAdmin))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("Ronde 1 is nog open; sluit die eerst.").doesNotContain("still open");
        assertNoEnglish("refused completion", refused);

        // the switch: English now, and remembered in a cookie whatever the browser asks for
        MvcResult switched = mvc.perform(get(round).param("lang", "en").header("Accept-Language", "nl-NL,nl;q=0.9")
                .with(asAdmin)).andReturn();
        Cookie chosen = switched.getResponse().getCookie("wrt-lang");
        assertThat(chosen).isNotNull();
        assertThat(chosen.getValue()).isEqualTo("en");
        assertThat(switched.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("<html lang=\"en\">", "Round 1", "Whom they named");
        String later = mvc.perform(get(round).cookie(chosen).header("Accept-Language", "nl-NL,nl;q=0.9")
                .with(asAdmin)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(later).contains("<html lang=\"en\">", "Contacts (2)").doesNotContain("Contacten");
        String refusedInEnglish = mvc.perform(post(base + "/complete").with(csrf()).cookie(chosen)
                        .header("Accept-Language", "nl-NL,nl;q=0.9").with(asAdmin))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refusedInEnglish).contains("Round 1 is still open; close it first.");
        // a browser asking for a language WRT's admin pages lack reads English
        String german = mvc.perform(get(round).header("Accept-Language", "de-DE").with(asAdmin)).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(german).contains("<html lang=\"en\">", "Whom they named");
    }

    /** The pages as served, under target/, to look at in a browser (the stylesheet path made relative). */
    private static void keep(String name, String html) throws IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "admin-pages");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.writeString(dir.resolve(name + ".html"), html.replace("href=\"/css/", "href=\"css/"));
    }

    private String dutch(RequestPostProcessor asAdmin, String path) throws Exception {
        MvcResult result = mvc.perform(get(path).header("Accept-Language", "nl-NL,nl;q=0.9,en;q=0.8").with(asAdmin))
                .andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static void assertNoEnglish(String what, String html) throws IOException {
        String page = html.replaceAll("(?s)<script.*?</script>", "");
        for (String sentence : englishSentences()) {
            assertThat(page).as(what + " contains English: " + sentence).doesNotContain(sentence);
        }
        // the words the page shows (not its attributes, its examples of a file's header, nor the campaign's name)
        String text = page.replaceAll("(?s)<code>.*?</code>", " ").replaceAll("<[^>]*>", " ").replace("Future of work", "");
        for (String word : ENGLISH) {
            assertThat(text).as(what + " shows English: " + word)
                    .doesNotContainPattern("\\b" + java.util.regex.Pattern.quote(word) + "\\b");
        }
    }

    /** Runs of three or more words from the English admin bundle (absent from the Dutch one), and the list above. */
    private static List<String> englishSentences() throws IOException {
        Properties english = org.oostkit.wrt.web.i18n.AdminTextsTestAccess.bundle("");
        Properties dutch = org.oostkit.wrt.web.i18n.AdminTextsTestAccess.bundle("_nl");
        String allDutch = String.join("\n", dutch.stringPropertyNames().stream().map(dutch::getProperty).toList());
        List<String> sentences = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            for (String part : english.getProperty(key).split("\\{\\{[^}]*}}|<[^>]*>|\\{\\d[^}]*}|[{}|#(),.:;“”]")) {
                String fragment = part.strip();
                if (fragment.split("\\s+").length >= 3 && !allDutch.contains(fragment)) {
                    sentences.add(fragment);
                }
            }
        }
        assertThat(sentences).hasSizeGreaterThan(100);
        return sentences;
    }
}
