package org.oostkit.wrt.adapters.mail;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddSeedPerson;
import org.oostkit.wrt.api.campaign.CampaignCommands.CreateCampaign;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.common.Secrets;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.organisation.OrganisationRegistered;
import org.oostkit.wrt.testing.EventLog;
import org.oostkit.wrt.testing.Wrt;
import org.oostkit.wrt.web.WrtApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole application on PostgreSQL with a real SMTP server (GreenMail), short retry settings and
 * Postmark headers. Each test uses addresses of its own, so tests sharing the context do not see each
 * other's mails.
 */
// every full application on the shared test database runs its own mail, webhook and Axon processors: close it
// after its class, so that no two of them compete for the same outbox, tokens or deadlines
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = WrtApplication.class)
@AutoConfigureMockMvc
abstract class MailIntegrationTestSupport {

    static final String BASE_URL = "https://wrt.test";
    static final SmtpServer SMTP = new SmtpServer().start();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("wrt.base-url", () -> BASE_URL);
        registry.add("wrt.mail.smtp.host", () -> "127.0.0.1");
        registry.add("wrt.mail.smtp.port", SMTP::port);
        registry.add("wrt.mail.smtp.timeout", () -> "5s");
        registry.add("wrt.mail.provider", () -> "postmark");
        registry.add("wrt.mail.from", () -> "WRT <wrt@sender.test>");
        registry.add("wrt.mail.sender.poll-interval", () -> "100ms");
        registry.add("wrt.mail.sender.initial-backoff", () -> "200ms");
        registry.add("wrt.mail.sender.max-backoff", () -> "1s");
        registry.add("wrt.mail.sender.lease", () -> "4s");
    }

    @Autowired
    protected CommandGateway commandGateway;
    @Autowired
    protected EventStorageEngine eventStorageEngine;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected Secrets secrets;

    protected Wrt wrt() {
        return new Wrt(commandGateway);
    }

    protected EventLog events() {
        return new EventLog(eventStorageEngine);
    }

    /** A unique mail domain for one test. */
    static String domain() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + ".test";
    }

    String slugOf(OrganisationId organisation) {
        return events().payloads(OrganisationRegistered.class, e -> e.organisationId().equals(organisation))
                .get(0).slug();
    }

    CampaignId campaign(OrganisationId organisation, Actor admin, String invitationText, String... nameEmailPairs) {
        CampaignId id = CampaignId.random();
        CampaignSettings defaults = CampaignSettings.named("Future of work");
        wrt().send(new CreateCampaign(id, organisation, new CampaignSettings(defaults.name(), "",
                defaults.convergenceThreshold(), defaults.defaultRoundDays(), false, 3, invitationText)), admin);
        for (int i = 0; i < nameEmailPairs.length; i += 2) {
            wrt().send(new AddSeedPerson(id, organisation, nameEmailPairs[i], nameEmailPairs[i + 1]), admin);
        }
        return id;
    }

    /** The invitation ids of a campaign's contacts, by (normalised) address. */
    Map<String, UUID> invitations(CampaignId campaign) {
        Map<String, UUID> byEmail = new java.util.HashMap<>();
        for (ContactInvited invited : events().payloads(ContactInvited.class, e -> e.campaignId().equals(campaign))) {
            byEmail.put(invited.email(), invited.invitationId().value());
        }
        return byEmail;
    }

    static String token(String body, String slug) {
        Matcher matcher = Pattern.compile(Pattern.quote(BASE_URL + "/org/" + slug + "/nominate/") + "([A-Za-z0-9_-]+)")
                .matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("no nomination link in: " + body);
        }
        return matcher.group(1);
    }

    String outboxStatus(UUID invitation, String purpose) {
        List<String> status = jdbc.queryForList("SELECT status FROM mail_outbox WHERE invitation_id = ? AND purpose = ?",
                String.class, invitation, purpose);
        return status.isEmpty() ? null : status.get(0);
    }
}
