package org.oostkit.wrt.adapters.mail;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddSeedPeople;
import org.oostkit.wrt.api.campaign.CampaignCommands.CreateCampaign;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.campaign.SeedRow;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.nomination.NominationSubmitted;
import org.oostkit.wrt.api.organisation.OrganisationCommands.RegisterOrganisation;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundCloseReason;
import org.oostkit.wrt.api.round.RoundClosed;
import org.oostkit.wrt.api.round.RoundCommands.CloseRound;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.testing.EventLog;
import org.oostkit.wrt.testing.TestDatabase;
import org.oostkit.wrt.testing.Wrt;
import org.oostkit.wrt.web.WrtApplication;
import org.oostkit.wrt.adapters.mail.Instances.Instance;
import org.oostkit.wrt.web.round.InvitationResends;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oostkit.wrt.adapters.mail.SmtpServer.await;

/**
 * Two application instances in JVMs of their own on one PostgreSQL, every HTTP request going to the other one
 * than the last (no sticky sessions), through a whole campaign: seeds, a round fanned out by both, a kill -9 of
 * one in the middle of its sending (the other finishes; the mails in flight are listed and sent again once),
 * nominators answering through both while every database connection is terminated under them (both recover by
 * themselves), the round closed, a second round whose auto-close was being run by an instance that died (the
 * other runs it after the dead-execution timeout) while the other instance is killed too. At the end: nobody
 * invited twice, every invitation mailed once (or once more after "send again"), each round closed once, the
 * same results on both instances, and an admin session made on one valid on the other.
 *
 * <p>The test JVM runs one more instance only to send the admin's commands: its mail sender, event processors
 * and scheduler are stopped, so every piece of background work is the child instances'. The round's size is
 * {@code -Dwrt.scale.contacts} (500 in the suite; the benchmark profile's run uses 2,000).
 */
class TwoInstancesIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(TwoInstancesIntegrationTest.class);

    private static final int CONTACTS = Integer.getInteger("wrt.scale.contacts", 500);
    private static final int NOMINATORS = 24;
    private static final String DOMAIN = "two.test";
    private static final String ADMIN = "admin@" + DOMAIN;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("(?m)^\\s+(\\d{6})\\s*$");
    /** The dead-execution bound: 6 missed heartbeats of 5 s, the check every 10 s, a poll of 1 s, and slack. */
    private static final Duration DEADLINE_TAKEOVER = Duration.ofSeconds(90);

    private final SmtpServer smtp = new SmtpServer(true).start();
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private Instances instances;

    @AfterEach
    void stopAll() {
        if (instances != null) {
            instances.close();
        }
        contexts.forEach(ConfigurableApplicationContext::close);
        smtp.stop();
    }

    @Test
    void aCampaignThroughTwoInstancesWithKillsAndLostConnections() throws Exception {
        long started = System.nanoTime();
        TestDatabase.Coordinates db = TestDatabase.fresh();
        instances = new Instances(db, settings(smtp.port()));
        Instance a = instances.launch("a");
        Instance b = instances.launch("b");
        ConfigurableApplicationContext admin = adminInstance(db);
        JdbcTemplate jdbc = admin.getBean(JdbcTemplate.class);
        EventLog events = new EventLog(admin.getBean(EventStorageEngine.class));
        Wrt wrt = new Wrt(admin.getBean(CommandGateway.class));
        Actor adminActor = Actor.admin(ADMIN);
        OrganisationId org = OrganisationId.random();
        String slug = "two-" + UUID.randomUUID().toString().substring(0, 8);
        wrt.send(new RegisterOrganisation(org, slug, "Two Works", List.of(ADMIN), List.of()), Actor.OPERATOR);
        CampaignId campaign = CampaignId.random();
        wrt.send(new CreateCampaign(campaign, org, CampaignSettings.named("Two")), adminActor);
        List<SeedRow> rows = new ArrayList<>();
        for (int i = 1; i <= CONTACTS; i++) {
            rows.add(new SeedRow(i, "Seed " + i, "seed" + i + "@" + DOMAIN));
        }
        wrt.send(new AddSeedPeople(campaign, org, rows), adminActor);
        Instances.awaitStarted(a, b);
        Http http = new Http(a, b);

        // round 1, fanned out by both; b is killed in the middle of its sending, a finishes
        RoundId round1 = wrt.startRound(org, campaign, adminActor, Duration.ofDays(10));
        await("both sending", Duration.ofSeconds(120), () -> smtp.deliveredCount() >= CONTACTS / 4
                && count(jdbc, "SELECT count(*) FROM mail_outbox WHERE status = 'sending'") >= 1);
        b.kill();
        long killed = System.nanoTime();
        Instance b2 = instances.launch("b2");
        await("a finishes the round b left (outbox lease 3 s)", Duration.ofSeconds(180), () -> count(jdbc,
                "SELECT count(*) FROM mail_outbox WHERE status IN ('sent', 'uncertain') AND recorded") == CONTACTS);
        log.info("Round of {}: the surviving instance finished {} s after the kill", CONTACTS,
                (System.nanoTime() - killed) / 1_000_000_000);
        Instances.awaitStarted(b2);
        http = new Http(a, b2);

        // the mails in flight at the kill are listed, and sent again once
        InvitationResends resends = admin.getBean(InvitationResends.class);
        int uncertain = count(jdbc, "SELECT count(*) FROM mail_outbox WHERE status = 'uncertain'");
        await("the uncertain ones listed", Duration.ofSeconds(60), () ->
                resends.uncertain(org, campaign, 1).size() == uncertain);
        Set<String> listed = new HashSet<>();
        resends.uncertain(org, campaign, 1).forEach(contact -> listed.add(contact.email()));
        int before = smtp.deliveredCount();
        assertThat(resends.sendAllAgain(org, campaign, 1,
                new UsernamePasswordAuthenticationToken(ADMIN, null, List.of())).sent()).isEqualTo(listed.size());
        await("the listed ones sent again", Duration.ofSeconds(60), () -> smtp.deliveredCount() >= before + listed.size()
                && count(jdbc, "SELECT count(*) FROM mail_outbox WHERE status = 'sent' AND recorded") == CONTACTS);

        // an admin signs in through one instance and is signed in on the other
        Http.Visitor adminBrowser = http.visitor();
        HttpResponse<String> login = adminBrowser.get("/login");
        assertThat(adminBrowser.post("/login", csrf(login), "email", ADMIN).statusCode()).isEqualTo(200);
        String link = awaitMail(ADMIN, "/login/([A-Za-z0-9_-]{20,})", 1);
        HttpResponse<String> confirm = adminBrowser.get("/login/" + link);
        assertThat(adminBrowser.post("/login/" + link, csrf(confirm)).statusCode()).isEqualTo(302);
        String roundPage = "/org/" + slug + "/campaigns/" + campaign.value() + "/rounds/1";
        assertThat(adminBrowser.get(roundPage).statusCode()).isEqualTo(200);
        assertThat(adminBrowser.get(roundPage).statusCode()).isEqualTo(200);

        // nominators answer through both instances; every connection to the database is cut half-way
        List<ContactInvited> invited = events.payloads(ContactInvited.class, e -> e.roundId().equals(round1));
        for (int i = 0; i < NOMINATORS; i++) {
            if (i == NOMINATORS / 2) {
                int cut = count(jdbc, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND pid <> pg_backend_pid()");
                log.info("Terminated {} database connections", cut);
            }
            ContactInvited nominator = invited.get(i);
            nominate(http.visitor(), slug, nominator.email(), List.of("new" + i + "@" + DOMAIN,
                    "new" + (i + 1) + "@" + DOMAIN));
        }
        await("every answer recorded", Duration.ofSeconds(60), () -> events.payloads(NominationSubmitted.class,
                e -> e.campaignId().equals(campaign)).size() == NOMINATORS);
        // the same results through either instance once the read models have caught up
        String export = "/org/" + slug + "/campaigns/" + campaign.value() + "/export/csv";
        await("the results on both instances", Duration.ofSeconds(60), () -> {
            String one = adminBrowser.get(export).body();
            String other = adminBrowser.get(export).body();
            return one.equals(other) && one.contains("new" + NOMINATORS + "@" + DOMAIN);
        });

        // round 2 for the people nominated; its auto-close is picked by an instance that dies at once, and a dies
        wrt.send(new CloseRound(round1, org), adminActor);
        Instant deadline = Instant.now().plusSeconds(25);
        RoundId round2 = RoundId.random();
        wrt.send(new org.oostkit.wrt.api.campaign.CampaignCommands.StartRound(campaign, org, round2, deadline, false,
                0), adminActor);
        int round2Invitations = NOMINATORS + 1;
        await("round 2 mailed", Duration.ofSeconds(60), () -> count(jdbc, "SELECT count(*) FROM mail_outbox o "
                + "JOIN mail_round r ON r.round_id = o.round_id WHERE r.round_number = 2 AND o.status = 'sent' "
                + "AND o.recorded") == round2Invitations);
        await("the auto-close due", Duration.ofSeconds(60), () -> Instant.now().isAfter(deadline.minusSeconds(2)));
        // what a JVM killed while running the deadline leaves behind: the execution picked, its heartbeat stopped
        assertThat(jdbc.update("UPDATE scheduled_tasks SET picked = TRUE, picked_by = 'killed-instance', "
                + "last_heartbeat = now(), version = version + 1 WHERE task_name = 'AxonDeadline' AND NOT picked")).isEqualTo(1);
        a.kill();
        await("b2 runs the dead instance's auto-close", DEADLINE_TAKEOVER, () ->
                !events.payloads(RoundClosed.class, e -> e.roundId().equals(round2)).isEmpty());
        log.info("Auto-close of round 2 run by the surviving instance {} s after its deadline",
                Duration.between(deadline, Instant.now()).toSeconds());

        // nobody invited twice; each invitation mailed once, or once more when listed and sent again
        List<ContactInvited> all = events.payloads(ContactInvited.class, e -> e.campaignId().equals(campaign));
        assertThat(all).hasSize(CONTACTS + round2Invitations);
        assertThat(all.stream().map(ContactInvited::personId).distinct().count()).isEqualTo(all.size());
        Map<String, Integer> mailed = invitationMails();
        for (ContactInvited contact : all) {
            String email = contact.email();
            assertThat(mailed.getOrDefault(email, 0)).as(email).isBetween(1, listed.contains(email) ? 2 : 1);
        }
        // each round closed once: round 1 by the admin, round 2 by its deadline
        assertThat(events.payloads(RoundClosed.class, e -> e.roundId().equals(round1))).hasSize(1);
        assertThat(events.payloads(RoundClosed.class, e -> e.roundId().equals(round2))).singleElement()
                .extracting(RoundClosed::reason).isEqualTo(RoundCloseReason.DEADLINE_PASSED);
        log.info("Two instances, {} contacts, {} nominators: {} s in all", CONTACTS, NOMINATORS,
                (System.nanoTime() - started) / 1_000_000_000);
    }

    /** The nominator's way, each request to the other instance; a request the database cut is tried again. */
    private void nominate(Http.Visitor visitor, String slug, String email, List<String> nominees) {
        String base = "/org/" + slug + "/nominate/";
        String token = awaitMail(email, "/org/" + slug + "/nominate/([A-Za-z0-9_-]{20,})", 1);
        HttpResponse<String> landing = visitor.retried(() -> visitor.get(base + token), 200);
        visitor.retried(() -> visitor.post(base + "request-link", csrf(landing), "token", token, "email", email), 302);
        String code = awaitMail(email, CODE.pattern(), 1);
        HttpResponse<String> codePage = visitor.retried(() -> visitor.get(base + "verify"), 200);
        visitor.retried(() -> visitor.post(base + "verify/code", csrf(codePage), "code", code), 302);
        HttpResponse<String> form = visitor.retried(() -> visitor.get(base + "form"), 200);
        List<String> pairs = new ArrayList<>(List.of("action", "save"));
        for (String nominee : nominees) {
            pairs.addAll(List.of("name", "Name " + nominee.substring(0, nominee.indexOf('@')), "email", nominee,
                    "reason", ""));
        }
        visitor.retried(() -> visitor.post(base + "submit", csrf(form), pairs.toArray(String[]::new)), 302);
    }

    /** The first group of the pattern in the newest mail to the address that has it. */
    private String awaitMail(String to, String pattern, int group) {
        Pattern compiled = Pattern.compile(pattern);
        String[] found = new String[1];
        await("a mail to " + to + " with " + pattern, Duration.ofSeconds(60), () -> {
            List<MimeMessage> mails = smtp.to(to);
            for (int i = mails.size() - 1; i >= 0; i--) {
                Matcher matcher = compiled.matcher(SmtpServer.text(mails.get(i)));
                if (matcher.find()) {
                    found[0] = matcher.group(group);
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** Invitation mails (not codes, not sign-in links) per recipient. */
    private Map<String, Integer> invitationMails() throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage message : smtp.received()) {
            if (!SmtpServer.text(message).contains("/nominate/")) {
                continue;
            }
            for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
                String address = recipient.toString();
                int open = address.indexOf('<');
                String email = open < 0 ? address : address.substring(open + 1, address.lastIndexOf('>'));
                counts.merge(email, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static int count(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).as("CSRF field in " + page.uri()).isTrue();
        return matcher.group(1);
    }

    /** An instance in this JVM for the admin's commands only: no mail, no event processors, no deadlines. */
    private ConfigurableApplicationContext adminInstance(TestDatabase.Coordinates db) {
        List<String> arguments = new ArrayList<>(Instances.arguments(db));
        arguments.addAll(settings(smtp.port()));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WrtApplication.class)
                .run(arguments.toArray(String[]::new));
        contexts.add(context);
        context.getBean(OutboxSender.class).stop();
        context.getBean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).forEach(p -> p.shutDown());
        context.getBean(com.github.kagkarlsson.scheduler.Scheduler.class).stop();
        return context;
    }

    static List<String> settings(int smtpPort) {
        return List.of("--spring.datasource.hikari.maximum-pool-size=8",
                "--wrt.demo=false",
                "--wrt.rate-limits.enabled=false",
                "--db-scheduler.polling-interval=1s",
                "--wrt.mail.smtp.host=127.0.0.1",
                "--wrt.mail.smtp.port=" + smtpPort,
                "--wrt.mail.smtp.timeout=5s",
                "--wrt.mail.sender.threads=4",
                "--wrt.mail.sender.batch-size=20",
                "--wrt.mail.sender.poll-interval=100ms",
                "--wrt.mail.sender.initial-backoff=200ms",
                "--wrt.mail.sender.max-backoff=1s",
                "--wrt.mail.sender.lease=3s");
    }

    /** HTTP to two instances, every request to the other one than the last. */
    static final class Http {

        private final String[] bases;
        private final AtomicInteger next = new AtomicInteger();

        Http(Instance one, Instance other) {
            this.bases = new String[] {one.base(), other.base()};
        }

        Visitor visitor() {
            return new Visitor();
        }

        /** One browser: its own cookies (the session), shared by both instances as a load balancer would. */
        final class Visitor {

            private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

            HttpResponse<String> get(String path) {
                return send(HttpRequest.newBuilder(uri(path)).GET().build());
            }

            HttpResponse<String> post(String path, String csrf, String... pairs) {
                StringBuilder body = new StringBuilder("_csrf=").append(encode(csrf));
                for (int i = 0; i < pairs.length; i += 2) {
                    body.append('&').append(encode(pairs[i])).append('=').append(encode(pairs[i + 1]));
                }
                return send(HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
            }

            /** Sends again (to the other instance) while the answer is a server error: a cut connection. */
            HttpResponse<String> retried(java.util.function.Supplier<HttpResponse<String>> request, int expected) {
                HttpResponse<String>[] last = new HttpResponse[1];
                await("status " + expected, Duration.ofSeconds(60), () -> {
                    last[0] = request.get();
                    if (last[0].statusCode() >= 500) {
                        log.info("{} answered {}; trying again", last[0].uri(), last[0].statusCode());
                        return false;
                    }
                    assertThat(last[0].statusCode()).as(last[0].uri() + ": " + last[0].body()).isEqualTo(expected);
                    return true;
                });
                return last[0];
            }

            private HttpResponse<String> send(HttpRequest request) {
                try {
                    return client.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }

            private URI uri(String path) {
                return URI.create(bases[Math.floorMod(next.getAndIncrement(), bases.length)] + path);
            }

            private static String encode(String value) {
                return URLEncoder.encode(value, StandardCharsets.UTF_8);
            }
        }
    }
}
