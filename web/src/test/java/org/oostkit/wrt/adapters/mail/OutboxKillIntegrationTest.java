package org.oostkit.wrt.adapters.mail;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddSeedPeople;
import org.oostkit.wrt.api.campaign.CampaignCommands.CreateCampaign;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.campaign.SeedRow;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.ContactView;
import org.oostkit.wrt.testing.TestDatabase;
import org.oostkit.wrt.testing.Wrt;
import org.oostkit.wrt.web.WrtApplication;
import org.oostkit.wrt.web.round.InvitationResends;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oostkit.wrt.adapters.mail.SmtpServer.await;

/**
 * A real {@code kill -9} (SIGKILL) of a separate application JVM while it sends a 3,000-contact round, and a
 * new JVM started on the same database: nobody is mailed twice, everybody is either mailed or listed as "not
 * sure this mail went out" (the mails that were being handed to the server at the kill), and "send again"
 * (all) mails exactly the listed ones. A mail that reached the server in the last instant before the kill is
 * listed too: nobody can know it arrived, which is why sending it again is the admin's decision.
 *
 * <p>The test JVM runs one more instance (its mail sender stopped) to start the round and to act as the
 * admin; the sending is done by the child JVMs alone.
 */
class OutboxKillIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(OutboxKillIntegrationTest.class);

    private static final int CONTACTS = 3_000;
    private static final int SENDER_THREADS = 4;
    private static final String DOMAIN = "kill.test";

    private final List<Process> children = new ArrayList<>();
    private final Map<Process, Path> logs = new HashMap<>();
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final SmtpServer smtp = new SmtpServer(true).start();
    // a few milliseconds on the way to the server, so that the kill finds mails in the middle of their hand-over
    private final SlowRelay relay = new SlowRelay(smtp.port(), Duration.ofMillis(3));

    @AfterEach
    void stopAll() {
        children.forEach(Process::destroyForcibly);
        contexts.forEach(ConfigurableApplicationContext::close);
        smtp.stop();
        try {
            relay.close();
        } catch (IOException e) {
            // closing a listening socket
        }
    }

    @Test
    void killedMidRoundEveryContactIsMailedOnceOrListedAndSendAgainMailsExactlyThose() throws Exception {
        long started = System.nanoTime();
        TestDatabase.Coordinates db = TestDatabase.fresh();
        // the first JVM boots while this one prepares the campaign (Flyway serialises the migrations)
        Process first = launch(db, "first", relay.port(), SENDER_THREADS);
        ConfigurableApplicationContext admin = adminInstance(db);
        JdbcTemplate jdbc = admin.getBean(JdbcTemplate.class);
        Wrt wrt = new Wrt(admin.getBean(CommandGateway.class));
        Actor adminActor = Actor.admin("admin@" + DOMAIN);
        OrganisationId org = wrt.organisation("admin@" + DOMAIN);
        CampaignId campaign = CampaignId.random();
        wrt.send(new CreateCampaign(campaign, org, CampaignSettings.named("Kill")), adminActor);
        List<SeedRow> rows = new ArrayList<>();
        for (int i = 1; i <= CONTACTS; i++) {
            rows.add(new SeedRow(i, "Person " + i, "person" + i + "@" + DOMAIN));
        }
        wrt.send(new AddSeedPeople(campaign, org, rows), adminActor);

        awaitStarted(first, "first");
        wrt.startRound(org, campaign, adminActor, Duration.ofDays(10));
        await("the first JVM sending", Duration.ofSeconds(120), () -> smtp.deliveredCount() >= 100);
        // killed while mails are in the middle of their hand-over: the relay lets nothing further through now,
        // so every sender thread stops in one (well within the SMTP timeout) and stays there until the kill
        relay.hold();
        await("the first JVM's senders stuck in their hand-over", Duration.ofSeconds(10), () -> jdbc.queryForObject(
                "SELECT count(*) FROM mail_outbox WHERE status = 'sending'", Integer.class) == SENDER_THREADS);
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no release of claims
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isEqualTo(137);
        int atTheKill = smtp.deliveredCount();
        assertThat(atTheKill).isLessThan(CONTACTS);
        int inFlight = jdbc.queryForObject("SELECT count(*) FROM mail_outbox WHERE status = 'sending'", Integer.class);
        assertThat(inFlight).as("mails in the middle of their hand-over at the kill").isEqualTo(SENDER_THREADS);
        log.info("Killed the first JVM after {} mails, {} in flight ({} s into the test)", atTheKill, inFlight,
                (System.nanoTime() - started) / 1_000_000_000);

        // the restarted JVM talks to the server directly, with more threads: the rest of the round goes fast
        awaitStarted(launch(db, "restarted", smtp.port(), 2 * SENDER_THREADS), "restarted");
        await("every invitation finished and recorded", Duration.ofSeconds(240), () -> jdbc.queryForObject(
                "SELECT count(*) FROM mail_outbox WHERE status IN ('sent', 'uncertain') AND recorded",
                Integer.class) == CONTACTS);
        InvitationResends resends = admin.getBean(InvitationResends.class);
        await("the round page lists the uncertain ones", Duration.ofSeconds(60), () ->
                resends.uncertain(org, campaign, 1).size() == uncertainRows(jdbc));

        log.info("Restarted and finished: {} s into the test", (System.nanoTime() - started) / 1_000_000_000);
        Map<String, Integer> mailed = mailsPerRecipient();
        Set<String> listed = new HashSet<>();
        for (ContactView contact : resends.uncertain(org, campaign, 1)) {
            listed.add(contact.email());
        }
        // nobody twice; nobody lost without a trace; listed are only the mails in flight at the kill
        assertThat(mailed.values()).allMatch(n -> n == 1);
        Set<String> everyone = new HashSet<>();
        for (int i = 1; i <= CONTACTS; i++) {
            everyone.add("person" + i + "@" + DOMAIN);
        }
        Set<String> notMailed = new HashSet<>(everyone);
        notMailed.removeAll(mailed.keySet());
        assertThat(listed).containsAll(notMailed);
        assertThat(listed.size()).isEqualTo(uncertainRows(jdbc)).isEqualTo(inFlight);
        assertThat(mailed.size() + notMailed.size()).isEqualTo(CONTACTS);

        // counted before the decision: the first mails sent again can arrive before the last one is decided
        int expected = smtp.deliveredCount() + listed.size();
        InvitationResends.Outcome outcome = resends.sendAllAgain(org, campaign, 1,
                new UsernamePasswordAuthenticationToken("admin@" + DOMAIN, null, List.of()));
        assertThat(outcome.sent()).isEqualTo(listed.size());
        assertThat(outcome.refused()).isEmpty();
        await("the listed ones mailed again", Duration.ofSeconds(180), () -> smtp.deliveredCount() >= expected
                && jdbc.queryForObject("SELECT count(*) FROM mail_outbox WHERE status = 'sent' AND recorded",
                Integer.class) == CONTACTS);

        Map<String, Integer> after = mailsPerRecipient();
        for (String person : everyone) {
            int before = mailed.getOrDefault(person, 0);
            assertThat(after.getOrDefault(person, 0)).as(person)
                    .isEqualTo(listed.contains(person) ? before + 1 : before);
        }
        // the read model follows the recorded mails a moment later
        await("the round page lists nobody in doubt any more", Duration.ofSeconds(60), () ->
                resends.uncertain(org, campaign, 1).isEmpty());
        log.info("{} listed and sent again; {} s in all", listed.size(), (System.nanoTime() - started) / 1_000_000_000);
    }

    private static int uncertainRows(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM mail_outbox WHERE status = 'uncertain'", Integer.class);
    }

    private Map<String, Integer> mailsPerRecipient() throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage message : smtp.received()) {
            for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
                String address = recipient.toString();
                String email = address.substring(address.indexOf('<') + 1, address.lastIndexOf('>') < 0
                        ? address.length() : address.lastIndexOf('>'));
                counts.merge(email, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** An instance in this JVM that sends no mail: it starts the round and acts as the admin. */
    private ConfigurableApplicationContext adminInstance(TestDatabase.Coordinates db) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WrtApplication.class)
                .run(arguments(db, smtp.port(), 1).toArray(String[]::new));
        contexts.add(context);
        context.getBean(OutboxSender.class).stop();
        return context;
    }

    /** The application in a JVM of its own, from the classes this test runs on; its output goes to a file. */
    private Process launch(TestDatabase.Coordinates db, String name, int smtpPort, int threads) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path log = Files.createTempFile("wrt-" + name + "-", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", classpath, WrtApplication.class.getName()));
        command.addAll(arguments(db, smtpPort, threads));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        children.add(process);
        logs.put(process, log);
        return process;
    }

    private void awaitStarted(Process process, String name) {
        Path log = logs.get(process);
        await("the " + name + " JVM started (" + log + ")", Duration.ofSeconds(180), () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the " + name + " JVM ended; see " + log);
            }
            return contains(log.toFile(), "Started WrtApplication");
        });
    }

    private static boolean contains(File file, String text) {
        try {
            return Files.readString(file.toPath()).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> arguments(TestDatabase.Coordinates db, int smtpPort, int threads) {
        // as command-line arguments: they must win over application.yml's environment defaults
        return List.of("--wrt.test.database-url=" + db.url(),
                "--wrt.test.database-username=" + db.username(),
                "--wrt.test.database-password=" + db.password(),
                "--spring.datasource.hikari.maximum-pool-size=8",
                "--server.port=0",
                "--wrt.mail.smtp.host=127.0.0.1",
                "--wrt.mail.smtp.port=" + smtpPort,
                "--wrt.mail.smtp.timeout=60s",
                "--wrt.mail.sender.threads=" + threads,
                "--wrt.mail.sender.batch-size=20",
                "--wrt.mail.sender.poll-interval=100ms",
                "--wrt.mail.sender.initial-backoff=200ms",
                "--wrt.mail.sender.max-backoff=1s",
                "--wrt.mail.sender.lease=3s");
    }
}
