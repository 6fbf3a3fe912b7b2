package org.oostkit.wrt.adapters.mail;

import org.awaitility.Awaitility;
import jakarta.mail.internet.MimeMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.invitation.DeliveryKind;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordDelivery;
import org.oostkit.wrt.api.invitation.InvitationCommands.RequestVerificationCode;
import org.oostkit.wrt.api.invitation.InvitationCommands.VerifyCode;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.invitation.InvitationTokenIssued;
import org.oostkit.wrt.api.invitation.IssuedCode;
import org.oostkit.wrt.api.invitation.MailFailed;
import org.oostkit.wrt.api.invitation.MailPurpose;
import org.oostkit.wrt.api.invitation.MailSent;
import org.oostkit.wrt.api.nomination.NominationCommands.SubmitNominations;
import org.oostkit.wrt.api.nomination.NomineeInput;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.ReminderDue;
import org.oostkit.wrt.api.round.RoundCommands.CloseRound;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.web.security.OrganisationRoles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oostkit.wrt.adapters.mail.SmtpServer.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The mail policy end to end: events in, real SMTP out, outcomes recorded on the invitations. */
@ExtendWith(OutputCaptureExtension.class)
class MailPolicyIntegrationTest extends MailIntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;
    @Autowired
    EventStore eventStore;
    @Autowired
    OutgoingMail outgoingMail;

    @Test
    void everyContactGetsOneInvitationWithAWorkingPersonalLink(CapturedOutput output) throws Exception {
        String domain = domain();
        String admin = "admin@" + domain;
        OrganisationId org = wrt().organisation(admin);
        String slug = slugOf(org);
        CampaignId campaign = campaign(org, Actor.admin(admin), "We meet in Utrecht on 12 January.",
                "Ada Lovelace", "ada@" + domain, "Bob", "bob@" + domain, "Chloé", "chloe@" + domain);
        wrt().startRound(org, campaign, Actor.admin(admin), Duration.ofDays(10));
        Map<String, UUID> invitations = invitations(campaign);

        await("three invitations", WAIT, () -> SMTP.received().stream().filter(m -> to(m, domain)).count() >= 3);
        await("three MailSent", WAIT, () -> mailSent(invitations.values(), MailPurpose.INVITATION).size() == 3);
        // room for a duplicate to show up: the count must stay at three the whole time
        Awaitility.await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(5))
                .until(() -> SMTP.received().stream().filter(m -> to(m, domain)).count() == 3);

        for (Map.Entry<String, UUID> contact : invitations.entrySet()) {
            List<MimeMessage> received = SMTP.to(contact.getKey());
            assertThat(received).as(contact.getKey()).hasSize(1);
            MimeMessage mail = received.get(0);
            assertThat(mail.getSubject()).isEqualTo("Future of work: who should be in the room?");
            String text = SmtpServer.text(mail);
            String html = SmtpServer.html(mail);
            assertThat(text).contains("We meet in Utrecht on 12 January.").contains("Test organisation");
            String token = token(text, slug);
            assertThat(html).contains("href=\"" + BASE_URL + "/org/" + slug + "/nominate/" + token + "\"");
            assertThat(SmtpServer.header(mail, "X-PM-Metadata-tenant")).isEqualTo(org.value().toString());
            assertThat(SmtpServer.header(mail, "X-PM-Metadata-invitation")).isEqualTo(contact.getValue().toString());
            assertThat(SmtpServer.header(mail, "X-PM-TrackLinks")).isEqualTo("None");
            assertThat(SmtpServer.header(mail, "X-PM-Track-Opens")).isEqualTo("true");

            // the mailed token is the one the invitation knows (by its hash only), and it is nowhere else
            List<InvitationTokenIssued> issued = events().payloads(InvitationTokenIssued.class,
                    e -> e.invitationId().value().equals(contact.getValue()));
            assertThat(issued).hasSize(1);
            assertThat(issued.get(0).tokenHash()).isEqualTo(secrets.invitationTokenHash(token));
            assertThat(output.getAll()).doesNotContain(token);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM mail_outbox WHERE provider_message_id LIKE ?"
                    + " OR last_error LIKE ?", Integer.class, "%" + token + "%", "%" + token + "%")).isZero();

            MailSent sent = mailSent(List.of(contact.getValue()), MailPurpose.INVITATION).get(0);
            assertThat(sent.providerMessageId()).isEqualTo(mail.getMessageID());
            assertThat(outboxStatus(contact.getValue(), "INVITATION")).isEqualTo("sent");
        }
        assertThat(SMTP.to("chloe@" + domain).get(0).getAllRecipients()[0].toString()).contains("Chlo");
    }

    @Test
    @DisplayName("the point of no return checks the claim and the suppression list in one statement")
    void startSendingChecksClaimAndSuppression(@Autowired MailOutbox outbox) {
        String domain = domain();
        UUID org = UUID.randomUUID();
        OutboxRow fine = claimedRow(org, "fine@" + domain);
        OutboxRow bounced = claimedRow(org, "bounced@" + domain);
        OutboxRow elsewhere = claimedRow(org, "elsewhere@" + domain);
        jdbc.update("INSERT INTO mail_suppression (organisation_id, email, reason, occurred_at) "
                + "VALUES (?, ?, 'BOUNCED', now())", org, "bounced@" + domain);
        String hash = secrets.invitationTokenHash(secrets.newToken());

        assertThat(outbox.startSending(fine, "test-instance", hash)).isTrue();
        assertThat(jdbc.queryForObject("SELECT token_hash FROM mail_outbox WHERE invitation_id = ?", String.class,
                fine.invitationId())).isEqualTo(hash);
        assertThat(outbox.startSending(bounced, "test-instance", hash)).isFalse();
        assertThat(outbox.suppressed(bounced, "test-instance", "not sent: bounced before")).isTrue();
        assertThat(outboxStatus(bounced.invitationId(), "INVITATION")).isEqualTo("suppressed");
        // a claim this instance no longer holds is neither sent nor ended by it
        assertThat(outbox.startSending(elsewhere, "another-instance", hash)).isFalse();
        assertThat(outbox.suppressed(elsewhere, "another-instance", "not sent")).isFalse();
        assertThat(outboxStatus(elsewhere.invitationId(), "INVITATION")).isEqualTo("claimed");
        jdbc.update("DELETE FROM mail_outbox WHERE organisation_id = ?", org);
    }

    private OutboxRow claimedRow(UUID organisation, String email) {
        UUID invitation = UUID.randomUUID();
        UUID campaign = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO mail_outbox (invitation_id, purpose, organisation_id, campaign_id, round_id, status,
                    claimed_by, claimed_at)
                VALUES (?, 'INVITATION', ?, ?, ?, 'claimed', 'test-instance', now())
                """, invitation, organisation, campaign, UUID.randomUUID());
        return new OutboxRow(invitation, "INVITATION", organisation, campaign, 0, email, "", "org", "Org",
                "Campaign", "", Instant.now(), null);
    }

    @Test
    void remindersGoToThoseWhoHaveNotAnsweredAndBouncedAddressesAreSuppressed() throws Exception {
        String domain = domain();
        String admin = "admin@" + domain;
        OrganisationId org = wrt().organisation(admin);
        String slug = slugOf(org);
        CampaignId campaign = campaign(org, Actor.admin(admin), "",
                "Answering Ann", "ann@" + domain, "Bouncing Ben", "ben@" + domain, "Quiet Cas", "cas@" + domain);
        RoundId round = wrt().startRound(org, campaign, Actor.admin(admin), Duration.ofDays(10));
        Map<String, UUID> invitations = invitations(campaign);
        await("three MailSent", WAIT, () -> mailSent(invitations.values(), MailPurpose.INVITATION).size() == 3);

        // Ann answers
        InvitationId ann = new InvitationId(invitations.get("ann@" + domain));
        IssuedCode code = wrt().send(new RequestVerificationCode(ann, org, "ann@" + domain));
        wrt().send(new VerifyCode(ann, org, code.code()));
        wrt().send(SubmitNominations.of(org, ann, List.of(new NomineeInput("Dee", "dee@" + domain, ""))),
                Actor.nominator(ann));
        // Ben's mail bounced
        InvitationId ben = new InvitationId(invitations.get("ben@" + domain));
        wrt().send(new RecordDelivery(ben, org, DeliveryKind.BOUNCED, "postmark", "bounce-" + UUID.randomUUID(),
                Instant.now()), Actor.webhook("postmark"));
        await("the policy saw the answer and the bounce", WAIT, () ->
                jdbc.queryForObject("SELECT count(*) FROM mail_recipient WHERE invitation_id = ? AND responded",
                        Integer.class, ann.value()) == 1
                        && jdbc.queryForObject("SELECT count(*) FROM mail_suppression WHERE email = ?", Integer.class,
                        "ben@" + domain) == 1);

        String firstToken = token(SmtpServer.text(SMTP.to("cas@" + domain).get(0)), slug);
        // the round's reminder deadline (days away) as it fires: the same event, with the deadline's metadata
        eventStore.publish(GenericEventMessage.asEventMessage(new ReminderDue(org, campaign, round, 1))
                .andMetaData(Map.of(Actor.TENANT_KEY, org.value().toString(), Actor.METADATA_KEY, "deadline")));

        await("Cas's reminder", WAIT, () -> SMTP.to("cas@" + domain).size() == 2);
        await("reminder recorded", WAIT, () -> mailSent(List.of(invitations.get("cas@" + domain)),
                MailPurpose.REMINDER).size() == 1);
        // room for a second reminder to show up: none may come
        Awaitility.await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(5))
                .until(() -> SMTP.to("cas@" + domain).size() == 2);
        assertThat(SMTP.to("ann@" + domain)).hasSize(1);
        assertThat(SMTP.to("ben@" + domain)).hasSize(1);
        assertThat(SMTP.to("cas@" + domain)).hasSize(2);
        MimeMessage reminder = SMTP.to("cas@" + domain).stream()
                .filter(m -> subject(m).startsWith("Reminder: Future of work")).findFirst().orElseThrow();
        String reminderToken = token(SmtpServer.text(reminder), slug);
        assertThat(reminderToken).isNotEqualTo(firstToken);
        List<InvitationTokenIssued> issued = events().payloads(InvitationTokenIssued.class,
                e -> e.invitationId().value().equals(invitations.get("cas@" + domain)));
        assertThat(issued.get(issued.size() - 1).tokenHash()).isEqualTo(secrets.invitationTokenHash(reminderToken));
        // people who have not answered often tap the first mail: its link works beside the reminder's
        await("the reminder's link on the read side", WAIT, () -> linkStatus(slug, reminderToken) == 200);
        assertThat(linkStatus(slug, firstToken)).isEqualTo(200);
        assertThat(linkStatus(slug, secrets.newToken())).isEqualTo(404);

        // a later campaign of the same organisation does not mail the bounced address
        CampaignId next = campaign(org, Actor.admin(admin), "", "Ben again", "BEN@" + domain, "Eve", "eve@" + domain);
        wrt().startRound(org, next, Actor.admin(admin), Duration.ofDays(10));
        Map<String, UUID> nextInvitations = invitations(next);
        UUID benAgain = nextInvitations.get("ben@" + domain);
        await("Eve's invitation", WAIT, () -> SMTP.to("eve@" + domain).size() == 1);
        await("Ben's suppression recorded", WAIT, () -> !events().payloads(MailFailed.class,
                e -> e.invitationId().value().equals(benAgain)).isEmpty());
        assertThat(SMTP.to("ben@" + domain)).hasSize(1);
        MailFailed failed = events().payloads(MailFailed.class, e -> e.invitationId().value().equals(benAgain)).get(0);
        assertThat(failed.permanent()).isTrue();
        assertThat(failed.reason()).contains("bounced");
        assertThat(outboxStatus(benAgain, "INVITATION")).isEqualTo("suppressed");

        // the admin sees why; an auditor too; someone of another organisation does not see the page at all
        mvc.perform(get("/org/" + slug + "/suppressions")
                        .with(user(admin).authorities(new SimpleGrantedAuthority(OrganisationRoles.admin(slug)))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ben@" + domain)))
                .andExpect(content().string(containsString("Bounced")))
                .andExpect(content().string(not(
                        containsString("cas@" + domain))));
        mvc.perform(get("/org/" + slug + "/suppressions")
                        .with(user("a@x.org").authorities(new SimpleGrantedAuthority(OrganisationRoles.auditor(slug)))))
                .andExpect(status().isOk());
        mvc.perform(get("/org/" + slug + "/suppressions")
                        .with(user("a@x.org").authorities(new SimpleGrantedAuthority("org:other:admin"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/org/no-such-org/suppressions")
                        .with(user("a@x.org").authorities(new SimpleGrantedAuthority("org:no-such-org:admin"))))
                .andExpect(status().isNotFound());

        // the round's closing ends every link it sent: both show that the round has closed
        wrt().send(new CloseRound(round, org), Actor.admin(admin));
        await("both links of the closed round", WAIT, () -> linkStatus(slug, firstToken) == 410
                && linkStatus(slug, reminderToken) == 410);
        mvc.perform(get("/org/" + slug + "/nominate/" + firstToken))
                .andExpect(content().string(containsString("This round has closed")));
    }

    private int linkStatus(String slug, String token) {
        try {
            return mvc.perform(get("/org/" + slug + "/nominate/" + token)).andReturn().getResponse().getStatus();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void verificationCodesAndSignInLinksGoOutOnTheRequest(CapturedOutput output) throws Exception {
        String domain = domain();
        String admin = "admin@" + domain;
        OrganisationId org = wrt().organisation(admin);
        CampaignId campaign = campaign(org, Actor.admin(admin), "", "Fay", "fay@" + domain);
        wrt().startRound(org, campaign, Actor.admin(admin), Duration.ofDays(10));
        UUID invitation = invitations(campaign).get("fay@" + domain);
        await("the invitation", WAIT, () -> SMTP.to("fay@" + domain).size() == 1);

        IssuedCode code = wrt().send(new RequestVerificationCode(new InvitationId(invitation), org, "fay@" + domain));
        outgoingMail.sendVerificationCode(org, new InvitationId(invitation), "Fay@" + domain, code.code(),
                code.expiresAt());
        MimeMessage codeMail = SMTP.to("fay@" + domain).stream()
                .filter(m -> subject(m).equals("Your verification code for Future of work")).findFirst().orElseThrow();
        assertThat(SmtpServer.text(codeMail)).contains(code.code()).contains("Test organisation");
        assertThat(SmtpServer.html(codeMail)).contains(code.code());
        assertThat(SmtpServer.header(codeMail, "X-PM-Metadata-invitation")).isEqualTo(invitation.toString());
        assertThat(SmtpServer.header(codeMail, "X-PM-TrackLinks")).isEqualTo("None");

        URI link = URI.create(BASE_URL + "/login/link/" + secrets.newToken());
        outgoingMail.sendSignInLink(admin, link, Instant.now().plusSeconds(900));
        MimeMessage signIn = SMTP.to(admin).get(0);
        assertThat(signIn.getSubject()).isEqualTo("Your sign-in link for the Workshop Referral Tool");
        assertThat(SmtpServer.text(signIn)).contains(link.toString());
        assertThat(SmtpServer.html(signIn)).contains("href=\"" + link + "\"");
        assertThat(output.getAll()).doesNotContain(code.code() + " ").doesNotContain(link.getPath());

        // an address that complained gets nothing more from this organisation, not even a code
        wrt().send(new RecordDelivery(new InvitationId(invitation), org, DeliveryKind.SPAM_COMPLAINT, "postmark",
                "spam-" + UUID.randomUUID(), Instant.now()), Actor.webhook("postmark"));
        await("suppressed", WAIT, () -> jdbc.queryForObject(
                "SELECT count(*) FROM mail_suppression WHERE email = ?", Integer.class, "fay@" + domain) == 1);
        assertThatThrownBy(() -> outgoingMail.sendVerificationCode(org, new InvitationId(invitation), "fay@" + domain,
                "123456", Instant.now().plusSeconds(600)))
                .isInstanceOfSatisfying(MailNotSentException.class, e -> {
                    assertThat(e.suppressed()).isTrue();
                    assertThat(e.getMessage()).contains("reported as spam");
                });
    }

    private List<MailSent> mailSent(java.util.Collection<UUID> invitations, MailPurpose purpose) {
        return events().payloads(MailSent.class, e -> e.purpose() == purpose
                && invitations.contains(e.invitationId().value()));
    }

    private static boolean to(MimeMessage message, String domain) {
        try {
            return message.getAllRecipients()[0].toString().endsWith(domain + ">")
                    || message.getAllRecipients()[0].toString().endsWith(domain);
        } catch (Exception e) {
            return false;
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
