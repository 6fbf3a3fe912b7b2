package org.oostkit.wrt.adapters.mail;

import org.awaitility.Awaitility;
import jakarta.mail.internet.MimeMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddSeedPeople;
import org.oostkit.wrt.api.campaign.CampaignCommands.CreateCampaign;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.campaign.SeedRow;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.invitation.MailSent;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.testing.EventLog;
import org.oostkit.wrt.testing.TestDatabase;
import org.oostkit.wrt.testing.Wrt;
import org.oostkit.wrt.web.WrtApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oostkit.wrt.adapters.mail.SmtpServer.await;

/**
 * The sender stopped in the middle of a round, and an SMTP outage with a restart in the middle: in the end
 * every contact has exactly one invitation (each run on a database of its own).
 */
class OutboxRestartIntegrationTest {

    private final List<ConfigurableApplicationContext> running = new ArrayList<>();
    private final List<SmtpServer> servers = new ArrayList<>();

    @AfterEach
    void stopAll() {
        running.forEach(ConfigurableApplicationContext::close);
        servers.forEach(SmtpServer::stop);
    }

    @Test
    void stoppedMidBatchAndRestartedEveryContactHasOneInvitation() {
        SmtpServer smtp = server().start();
        TestDatabase.Coordinates db = TestDatabase.fresh();
        int contacts = 200;
        ConfigurableApplicationContext first = start(db, smtp);
        CampaignId campaign = round(first, contacts);

        await("some invitations out", Duration.ofSeconds(120), () -> smtp.received().size() >= 30);
        first.close(); // mid-batch
        running.remove(first);
        int beforeRestart = smtp.received().size();
        assertThat(beforeRestart).isLessThan(contacts);

        ConfigurableApplicationContext second = start(db, smtp);
        JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
        await("every invitation out", Duration.ofSeconds(180), () -> smtp.received().size() >= contacts
                && finished(jdbc) == contacts);
        awaitRecorded(second, campaign, contacts);

        assertOncePerContact(smtp, contacts);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mail_outbox WHERE status = 'sent'", Integer.class))
                .isEqualTo(contacts);
    }

    @Test
    void anSmtpOutageWithARestartInTheMiddleEndsWithEveryMailSentOnce() throws Exception {
        SmtpServer smtp = server(); // down
        TestDatabase.Coordinates db = TestDatabase.fresh();
        int contacts = 30;
        ConfigurableApplicationContext first = start(db, smtp);
        CampaignId campaign = round(first, contacts);
        JdbcTemplate firstJdbc = first.getBean(JdbcTemplate.class);
        await("failed attempts", Duration.ofSeconds(60), () -> firstJdbc.queryForObject(
                "SELECT coalesce(sum(attempts), 0) FROM mail_outbox", Integer.class) >= 3);
        first.close();
        running.remove(first);

        ConfigurableApplicationContext second = start(db, smtp);
        JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
        // still down after the restart: nothing arrives while the second instance retries
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> smtp.received().isEmpty());
        smtp.start();

        await("every invitation out", Duration.ofSeconds(120), () -> smtp.received().size() >= contacts
                && finished(jdbc) == contacts);
        awaitRecorded(second, campaign, contacts);
        // room for a duplicate to show up: the count must stay the whole time
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(8))
                .until(() -> smtp.received().size() == contacts);

        assertOncePerContact(smtp, contacts);
        assertThat(jdbc.queryForObject("SELECT max(attempts) FROM mail_outbox", Integer.class)).isGreaterThan(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mail_outbox WHERE status = 'sent'", Integer.class))
                .isEqualTo(contacts);
    }

    private SmtpServer server() {
        SmtpServer server = new SmtpServer();
        servers.add(server);
        return server;
    }

    private static int finished(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM mail_outbox WHERE status NOT IN ('pending', 'claimed', 'sending')",
                Integer.class);
    }

    private static void awaitRecorded(ConfigurableApplicationContext context, CampaignId campaign, int contacts) {
        EventLog log = new EventLog(context.getBean(EventStorageEngine.class));
        await("every mail recorded", Duration.ofSeconds(60), () ->
                log.payloads(MailSent.class, e -> e.campaignId().equals(campaign)).size() >= contacts);
        assertThat(log.payloads(MailSent.class, e -> e.campaignId().equals(campaign))).hasSize(contacts);
    }

    private static void assertOncePerContact(SmtpServer smtp, int contacts) {
        Set<String> recipients = new HashSet<>();
        for (MimeMessage message : smtp.received()) {
            try {
                recipients.add(message.getAllRecipients()[0].toString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(smtp.received()).hasSize(contacts);
        assertThat(recipients).hasSize(contacts);
    }

    private static CampaignId round(ConfigurableApplicationContext context, int contacts) {
        Wrt wrt = new Wrt(context.getBean(CommandGateway.class));
        Actor admin = Actor.admin("admin@restart.test");
        OrganisationId org = wrt.organisation("admin@restart.test");
        CampaignId campaign = CampaignId.random();
        wrt.send(new CreateCampaign(campaign, org, CampaignSettings.named("Restart")), admin);
        List<SeedRow> rows = new ArrayList<>();
        for (int i = 1; i <= contacts; i++) {
            rows.add(new SeedRow(i, "Person " + i, "person" + i + "@restart.test"));
        }
        wrt.send(new AddSeedPeople(campaign, org, rows), admin);
        wrt.startRound(org, campaign, admin, Duration.ofDays(10));
        return campaign;
    }

    private ConfigurableApplicationContext start(TestDatabase.Coordinates db, SmtpServer smtp) {
        // as command-line arguments: they must win over application.yml's environment defaults
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WrtApplication.class)
                .run("--wrt.test.database-url=" + db.url(),
                        "--wrt.test.database-username=" + db.username(),
                        "--wrt.test.database-password=" + db.password(),
                        "--spring.datasource.hikari.maximum-pool-size=6",
                        "--server.port=0",
                        "--wrt.mail.smtp.host=127.0.0.1",
                        "--wrt.mail.smtp.port=" + smtp.port(),
                        "--wrt.mail.smtp.timeout=3s",
                        "--wrt.mail.sender.threads=2",
                        "--wrt.mail.sender.batch-size=5",
                        "--wrt.mail.sender.poll-interval=100ms",
                        "--wrt.mail.sender.initial-backoff=200ms",
                        "--wrt.mail.sender.max-backoff=1s",
                        "--wrt.mail.sender.max-attempts=50",
                        "--wrt.mail.sender.lease=3s");
        running.add(context);
        return context;
    }
}
