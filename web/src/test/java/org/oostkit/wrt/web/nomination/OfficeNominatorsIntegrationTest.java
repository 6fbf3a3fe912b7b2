package org.oostkit.wrt.web.nomination;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.invitation.NominatorVerified;
import org.oostkit.wrt.api.nomination.NominationSubmitted;
import org.oostkit.wrt.api.organisation.OrganisationCommands.RegisterOrganisation;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.testing.EventLog;
import org.oostkit.wrt.testing.Wrt;
import org.oostkit.wrt.web.WrtApplication;
import org.oostkit.wrt.adapters.mail.DevMailbox;
import org.oostkit.wrt.adapters.mail.MailMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An office behind one address, with the default limits: thirty colleagues open their invitations, ask for
 * codes, enter them and save within a minute, all from 127.0.0.1, and all get through. Guessing one
 * invitation's code is still stopped: per code after 5 wrong entries, per invitation after 5 codes an hour.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = WrtApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(OfficeNominatorsIntegrationTest.CapturedMail.class)
class OfficeNominatorsIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String ADMIN = "admin@office.test";
    private static final int COLLEAGUES = 30;

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commandGateway;
    @Autowired
    EventStorageEngine eventStorageEngine;
    @Autowired
    DevMailbox mailbox;
    @Autowired
    RecordingMail mail;

    /** One colleague: their own browser (cookie jar), invitation and link. */
    private record Colleague(HttpClient browser, InvitationId invitation, String email, String token) {
    }

    @Test
    void thirtyColleaguesBehindOneAddressAllGetThroughWithinAMinute() {
        String slug = "office-" + UUID.randomUUID().toString().substring(0, 8);
        List<Colleague> office = invite(slug, COLLEAGUES);
        String base = "/org/" + slug + "/nominate/";
        long started = System.nanoTime();

        Map<Colleague, String> landingCsrf = new HashMap<>();
        for (Colleague colleague : office) {
            HttpResponse<String> landing = await().atMost(Duration.ofSeconds(10))
                    .until(() -> get(colleague, base + colleague.token()), r -> r.statusCode() == 200);
            landingCsrf.put(colleague, csrf(landing));
        }
        for (Colleague colleague : office) {
            HttpResponse<String> asked = post(colleague, base + "request-link", landingCsrf.get(colleague),
                    "token", colleague.token(), "email", colleague.email());
            assertThat(asked.statusCode()).as("code request of " + colleague.email()).isEqualTo(302);
            assertThat(asked.headers().firstValue("Location").orElseThrow()).endsWith(base + "verify");
        }
        for (Colleague colleague : office) {
            String code = mail.awaitCode(colleague.invitation(), 0).code();
            HttpResponse<String> codePage = get(colleague, base + "verify");
            assertThat(codePage.statusCode()).isEqualTo(200);
            HttpResponse<String> verified = post(colleague, base + "verify/code", csrf(codePage), "code", code);
            assertThat(verified.statusCode()).as("code entry of " + colleague.email()).isEqualTo(302);
            assertThat(verified.headers().firstValue("Location").orElseThrow()).endsWith(base + "form");
        }
        for (Colleague colleague : office) {
            HttpResponse<String> form = get(colleague, base + "form");
            assertThat(form.statusCode()).isEqualTo(200);
            HttpResponse<String> saved = post(colleague, base + "submit", csrf(form), "action", "save",
                    "name", "Friend of " + colleague.email(), "email", "friend-" + colleague.email(), "reason", "");
            assertThat(saved.statusCode()).as("save of " + colleague.email()).isEqualTo(302);
            assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith(base + "done");
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("all within a minute")
                .isLessThan(Duration.ofMinutes(1));
        Set<InvitationId> invitations = new HashSet<>(office.stream().map(Colleague::invitation).toList());
        assertThat(events().payloads(NominationSubmitted.class, e -> invitations.contains(e.invitationId())))
                .hasSize(COLLEAGUES);
    }

    @Test
    void guessingOneInvitationsCodeIsStillStopped() {
        String slug = "guess-" + UUID.randomUUID().toString().substring(0, 8);
        Colleague target = invite(slug, 1).get(0);
        String base = "/org/" + slug + "/nominate/";
        HttpResponse<String> landing = await().atMost(Duration.ofSeconds(10))
                .until(() -> get(target, base + target.token()), r -> r.statusCode() == 200);
        Set<String> ours = new HashSet<>();
        String lastCode = null;
        for (int codes = 0; codes < 5; codes++) {
            assertThat(post(target, base + "request-link", csrf(landing), "token", target.token(),
                    "email", target.email()).statusCode()).isEqualTo(302);
            lastCode = mail.awaitCode(target.invitation(), codes).code();
            ours.add(lastCode);
            HttpResponse<String> codePage = get(target, base + "verify");
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (String guess : guesses(ours, 5)) {
                answers.add(post(target, base + "verify/code", csrf(codePage), "code", guess));
            }
            // four wrong answers, then the code is locked; the address's ceiling never answers (no 429 page)
            assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(422, 422, 422, 422, 429);
            assertThat(answers.subList(0, 4)).allSatisfy(answer ->
                    assertThat(answer.body()).contains("That code is not right"));
        }
        // the locked code does not open the form, even when right
        HttpResponse<String> codePage = get(target, base + "verify");
        HttpResponse<String> right = post(target, base + "verify/code", csrf(codePage), "code", lastCode);
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.body()).contains("Too many attempts");
        // a sixth code within the hour is not sent, though the page answers alike
        HttpResponse<String> sixth = post(target, base + "request-link", csrf(landing), "token", target.token(),
                "email", target.email());
        assertThat(sixth.statusCode()).isEqualTo(302);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(
                () -> mail.codes.stream().filter(c -> c.invitationId().equals(target.invitation())).count(),
                count -> count == 5);
        assertThat(events().payloads(NominatorVerified.class, e -> e.invitationId().equals(target.invitation())))
                .isEmpty();
    }

    /** {@code count} six-digit codes that are none of ours (an older one of ours would not count as a guess). */
    private static List<String> guesses(Set<String> ours, int count) {
        List<String> guesses = new ArrayList<>();
        for (int n = 100_000; guesses.size() < count; n += 7_919) {
            String guess = String.valueOf(n);
            if (!ours.contains(guess)) {
                guesses.add(guess);
            }
        }
        return guesses;
    }

    /** An organisation and a campaign with {@code count} colleagues, round 1 open, and each colleague's link. */
    private List<Colleague> invite(String slug, int count) {
        Wrt wrt = new Wrt(commandGateway);
        Actor admin = Actor.admin(ADMIN);
        OrganisationId org = OrganisationId.random();
        wrt.send(new RegisterOrganisation(org, slug, "Office Works", List.of(ADMIN), List.of()), Actor.OPERATOR);
        String[] people = new String[count * 2];
        for (int i = 0; i < count; i++) {
            people[2 * i] = "Colleague " + i;
            people[2 * i + 1] = "colleague" + i + "@" + slug + ".test";
        }
        CampaignId campaign = wrt.campaign(org, admin, people);
        RoundId round = wrt.startRound(org, campaign, admin, Duration.ofDays(7));
        List<ContactInvited> invited = events().payloads(ContactInvited.class, e -> e.roundId().equals(round));
        assertThat(invited).hasSize(count);
        Pattern link = Pattern.compile("/org/" + slug + "/nominate/([A-Za-z0-9_-]{20,})");
        Map<String, String> tokens = await().atMost(Duration.ofSeconds(60)).until(() -> {
            Map<String, String> found = new HashMap<>();
            for (MailMessage message : mailbox.newestFirst()) {
                Matcher matcher = link.matcher(message.text());
                if (matcher.find()) {
                    found.putIfAbsent(message.to(), matcher.group(1));
                }
            }
            return found;
        }, found -> found.size() == count);
        return invited.stream().map(i -> new Colleague(HttpClient.newBuilder().cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER).build(), i.invitationId(), i.email(),
                tokens.get(i.email()))).toList();
    }

    private EventLog events() {
        return new EventLog(eventStorageEngine);
    }

    private HttpResponse<String> get(Colleague colleague, String path) {
        return send(colleague, HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private HttpResponse<String> post(Colleague colleague, String path, String csrf, String... pairs) {
        StringBuilder body = new StringBuilder("_csrf=").append(encode(csrf));
        for (int i = 0; i < pairs.length; i += 2) {
            body.append('&').append(encode(pairs[i])).append('=').append(encode(pairs[i + 1]));
        }
        return send(colleague, HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    private static HttpResponse<String> send(Colleague colleague, HttpRequest request) {
        try {
            return colleague.browser().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).as("CSRF field in the page").isTrue();
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @TestConfiguration
    static class CapturedMail {

        @Bean
        @Primary
        RecordingMail recordingMail() {
            return new RecordingMail();
        }
    }
}
