package org.oostkit.wrt.adapters.mail;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddSeedPeople;
import org.oostkit.wrt.api.campaign.CampaignCommands.CreateCampaign;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.campaign.SeedRow;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.testing.TestDatabase;
import org.oostkit.wrt.testing.Wrt;
import org.oostkit.wrt.web.WrtApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oostkit.wrt.adapters.mail.SmtpServer.await;

/**
 * A round of 10,000 contacts against a local SMTP server (GreenMail): how long until every invitation was
 * handed to SMTP (target: under 60 s), and until every outcome was recorded. A first, smaller round after
 * start-up is measured on its own: it includes the JVM compiling the hot paths, which a running server has done. Writes
 * {@code web/target/benchmarks/mail.md}. Run with {@code ./mvnw -B -Pbenchmark -pl web -am verify
 * -Dtest=MailThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class MailThroughputBenchmark {

    private static final int CONTACTS = Integer.getInteger("wrt.benchmark.mail.contacts", 10_000);
    private static final int THREADS = Integer.getInteger("wrt.benchmark.mail.threads", 16);
    private static final int WARM_UP = Integer.getInteger("wrt.benchmark.mail.warm-up", 2_000);

    private final SmtpServer smtp = new SmtpServer(true).start();
    private ConfigurableApplicationContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
        smtp.stop();
    }

    @Test
    void aRoundOfTenThousandContactsIsHandedToSmtpWithinAMinute() throws IOException {
        TestDatabase.Coordinates db = TestDatabase.fresh();
        context = new SpringApplicationBuilder(WrtApplication.class).run(
                "--wrt.test.database-url=" + db.url(),
                "--wrt.test.database-username=" + db.username(),
                "--wrt.test.database-password=" + db.password(),
                "--spring.datasource.hikari.maximum-pool-size=" + (THREADS + 8),
                "--server.port=0",
                "--wrt.mail.smtp.host=127.0.0.1",
                "--wrt.mail.smtp.port=" + smtp.port(),
                "--wrt.mail.provider=postmark",
                "--wrt.mail.sender.threads=" + THREADS,
                "--wrt.mail.sender.poll-interval=50ms",
                // GreenMail logs every new mailbox at INFO: 10,000 log lines would be measured too
                "--logging.level.com.icegreen=WARN");
        Wrt wrt = new Wrt(context.getBean(CommandGateway.class));
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Actor admin = Actor.admin("admin@bench.test");
        OrganisationId org = wrt.organisation("admin@bench.test");

        // a server that has been running has compiled its hot paths; a fresh JVM compiles them during its first
        // round, so that round is measured on its own (cold) and the round of CONTACTS after it (warm)
        Round cold = WARM_UP > 0 ? round(wrt, jdbc, org, admin, "Warm-up", "warm", WARM_UP, 0) : null;
        Round warm = round(wrt, jdbc, org, admin, "Benchmark", "person", CONTACTS, WARM_UP);

        List<String> out = new ArrayList<>(List.of(
                "| mail out (one round, GreenMail on localhost, " + THREADS + " sender threads) | measured | target | met |",
                "|---|---|---|---|"));
        if (cold != null) {
            out.add(row("first round after start-up (cold JVM): " + String.format(Locale.ROOT, "%,d", WARM_UP)
                    + " contacts, every mail handed to SMTP, from the round start command", cold.handed(), WARM_UP));
        }
        out.addAll(List.of(
                row("round start (" + String.format(Locale.ROOT, "%,d", CONTACTS) + " invitations, one unit of work)",
                        warm.started()),
                row("first mail handed to SMTP, after the round start command", warm.firstMail()),
                "| every mail of " + String.format(Locale.ROOT, "%,d", CONTACTS) + " contacts handed to SMTP, from the "
                        + "round start command | " + format(warm.handed()) + " ("
                        + String.format(Locale.ROOT, "%.0f", CONTACTS / warm.handed()) + " mails/s) | < 60 s | "
                        + (warm.handed() < 60 ? "yes" : "**no**") + " |",
                row("every MailSent recorded on its invitation", warm.recorded()),
                "",
                "Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                        + System.getProperty("java.version") + "; PostgreSQL and GreenMail on the same machine."));
        Path dir = Path.of("target", "benchmarks");
        Files.createDirectories(dir);
        Files.write(dir.resolve("mail.md"), out);
        out.forEach(line -> System.out.println("[benchmark] " + line));
        // like the other benchmarks, a missed target is reported (met: no), not failed; but every contact must
        // have had exactly one invitation
        int total = WARM_UP + CONTACTS;
        assertThat(smtp.received()).hasSize(total);
        assertThat(smtp.received().stream().map(MailThroughputBenchmark::recipient).distinct().count())
                .isEqualTo(total);
    }

    /** Timings of one round, in seconds from its start command. */
    private record Round(double started, double firstMail, double handed, double recorded) {
    }

    private Round round(Wrt wrt, JdbcTemplate jdbc, OrganisationId org, Actor admin, String name, String prefix,
                        int contacts, int before) {
        CampaignId campaign = CampaignId.random();
        wrt.send(new CreateCampaign(campaign, org, CampaignSettings.named(name)), admin);
        // seeds in imports of 1,000
        for (int from = 1; from <= contacts; from += 1_000) {
            List<SeedRow> rows = new ArrayList<>();
            for (int i = from; i < from + 1_000 && i <= contacts; i++) {
                rows.add(new SeedRow(i, "Person " + i, prefix + i + "@bench.test"));
            }
            wrt.send(new AddSeedPeople(campaign, org, rows), admin);
        }
        long start = System.nanoTime();
        wrt.startRound(org, campaign, admin, Duration.ofDays(10));
        long roundStarted = System.nanoTime();
        long[] firstMail = {0};
        await("every invitation handed to SMTP", Duration.ofMinutes(10), () -> {
            int received = smtp.deliveredCount() - before;
            if (received > 0 && firstMail[0] == 0) {
                firstMail[0] = System.nanoTime();
            }
            return received >= contacts;
        });
        long allHanded = System.nanoTime();
        await("every outcome recorded", Duration.ofMinutes(10), () -> jdbc.queryForObject(
                "SELECT count(*) FROM mail_outbox WHERE status = 'sent' AND recorded", Integer.class)
                >= before + contacts);
        long allRecorded = System.nanoTime();
        return new Round(seconds(roundStarted - start), seconds(firstMail[0] - start), seconds(allHanded - start),
                seconds(allRecorded - start));
    }

    private static String recipient(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String row(String what, double seconds) {
        return "| " + what + " | " + format(seconds) + " | | |";
    }

    private static String row(String what, double seconds, int mails) {
        return "| " + what + " | " + format(seconds) + " (" + String.format(Locale.ROOT, "%.0f", mails / seconds)
                + " mails/s) | | |";
    }

    private static String format(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
