package org.oostkit.wrt.adapters.mail;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.invitation.InvitationCommands.RequestVerificationCode;
import org.oostkit.wrt.api.invitation.InvitationCommands.VerifyCode;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.invitation.InvitationRepeatRequested;
import org.oostkit.wrt.api.invitation.IssuedCode;
import org.oostkit.wrt.api.invitation.MailPurpose;
import org.oostkit.wrt.api.invitation.MailSent;
import org.oostkit.wrt.api.nomination.NominationCommands.SubmitNominations;
import org.oostkit.wrt.api.nomination.NomineeInput;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RemindNowRequested;
import org.oostkit.wrt.api.round.RoundCommands.CloseRound;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.api.campaign.PersonSetAside;
import org.oostkit.wrt.web.security.OrganisationRoles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** "Send again" and "remind now" from the round page (issue #17), end to end through the outbox and real SMTP. */
class RoundMailActionsIntegrationTest extends MailIntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(40);

    @Autowired
    MockMvc mvc;

    @Test
    void sendAgainMailsExactlyOnePersonAndRemindNowOnlyNonRespondersNotSuppressed() throws Exception {
        String domain = domain();
        String admin = "admin@" + domain;
        OrganisationId org = wrt().organisation(admin);
        String slug = slugOf(org);
        CampaignId campaign = campaign(org, Actor.admin(admin), "",
                "Answering Ann", "ann@" + domain, "Quiet Cas", "cas@" + domain, "Bounced Ben", "ben@" + domain);
        wrt().startRound(org, campaign, Actor.admin(admin), Duration.ofDays(10));
        Map<String, UUID> invitations = invitations(campaign);
        await("three invitations recorded").atMost(WAIT)
                .until(() -> mailSent(invitations.values(), MailPurpose.INVITATION).size() == 3);
        RequestPostProcessor asAdmin = user(admin).authorities(new SimpleGrantedAuthority(OrganisationRoles.admin(slug)));
        String round = "/org/" + slug + "/campaigns/" + campaign.value() + "/rounds/1";
        await("the round page").atMost(WAIT).untilAsserted(() -> mvc.perform(get(round).with(asAdmin))
                .andExpect(status().isOk()).andExpect(content().string(containsString("cas@" + domain))));

        // send again to Cas: one new mail to Cas only, with a new link; the old link keeps working
        String firstToken = token(SmtpServer.text(SMTP.to("cas@" + domain).get(0)), slug);
        UUID cas = invitations.get("cas@" + domain);
        mvc.perform(post(round + "/resend").param("invitation", cas.toString()).with(asAdmin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        await("Cas's second mail").atMost(WAIT).until(() -> SMTP.to("cas@" + domain).size() == 2);
        await("recorded as RESEND").atMost(WAIT).until(() -> mailSent(List.of(cas), MailPurpose.RESEND).size() == 1);
        String secondToken = token(SmtpServer.text(SMTP.to("cas@" + domain).get(1)), slug);
        assertThat(secondToken).isNotEqualTo(firstToken);
        assertThat(SMTP.to("ann@" + domain)).hasSize(1);
        assertThat(SMTP.to("ben@" + domain)).hasSize(1);
        assertThat(events().messages(InvitationRepeatRequested.class).stream()
                .filter(m -> ((InvitationRepeatRequested) m.getPayload()).invitationId().value().equals(cas)))
                .singleElement().satisfies(m -> assertThat(m.getMetaData().get(Actor.METADATA_KEY))
                        .isEqualTo("admin:" + admin));
        await("the new link works").atMost(WAIT).until(() -> linkStatus(slug, secondToken) == 200);
        assertThat(linkStatus(slug, firstToken)).isEqualTo(200);

        // a forged invitation id of no contact of this round is refused, nothing sent
        mvc.perform(post(round + "/resend").param("invitation", UUID.randomUUID().toString()).with(asAdmin)
                .with(csrf())).andExpect(status().is3xxRedirection());

        // Ann answers; Ben's address is on the organisation's suppression list
        InvitationId ann = new InvitationId(invitations.get("ann@" + domain));
        IssuedCode code = wrt().send(new RequestVerificationCode(ann, org, "ann@" + domain));
        wrt().send(new VerifyCode(ann, org, code.code()));
        wrt().send(SubmitNominations.of(org, ann, List.of(new NomineeInput("Dee", "dee@" + domain, ""))),
                Actor.nominator(ann));
        jdbc.update("INSERT INTO mail_suppression (organisation_id, email, reason, occurred_at) "
                + "VALUES (?, ?, 'BOUNCED', now())", org.value(), "ben@" + domain);
        await("the policy saw Ann's answer").atMost(WAIT).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM mail_recipient WHERE invitation_id = ? AND responded", Integer.class,
                ann.value()) == 1);
        int annMails = SMTP.to("ann@" + domain).size();

        mvc.perform(post(round + "/remind-now").with(asAdmin).with(csrf())).andExpect(status().is3xxRedirection());
        await("Cas's reminder").atMost(WAIT).until(() -> SMTP.to("cas@" + domain).size() == 3);
        await("recorded as REMINDER_NOW").atMost(WAIT)
                .until(() -> mailSent(List.of(cas), MailPurpose.REMINDER_NOW).size() == 1);
        MimeMessage reminder = SMTP.to("cas@" + domain).get(2);
        assertThat(reminder.getSubject()).startsWith("Reminder:");
        assertThat(SMTP.to("ann@" + domain)).hasSize(annMails); // answered: the code mail only, no reminder
        assertThat(SMTP.to("ben@" + domain)).hasSize(1); // suppressed
        assertThat(events().payloads(RemindNowRequested.class, e -> e.campaignId().equals(campaign))).hasSize(1);

        // a second "remind now" is a new decision: Cas gets one more reminder (once the first is recorded)
        await("the first reminder's row recorded").atMost(WAIT).until(() -> jdbc.queryForObject(
                "SELECT recorded FROM mail_outbox WHERE invitation_id = ? AND purpose = 'REMINDER_NOW'",
                Boolean.class, cas));
        mvc.perform(post(round + "/remind-now").with(asAdmin).with(csrf())).andExpect(status().is3xxRedirection());
        await("Cas's second reminder").atMost(WAIT).until(() -> SMTP.to("cas@" + domain).size() == 4);

        // the round page shows when each was done, and by whom
        mvc.perform(get(round).with(asAdmin)).andExpect(content().string(allOf(
                containsString("Invitation sent again to Quiet Cas (cas@" + domain + ")"),
                containsString("Everyone who had not answered was reminded"), containsString(admin))));
    }

    @Test
    void aPersonLeftOutIsNotInvitedAndIsAskedInTheNextRoundAfterBeingBroughtBack() throws Exception {
        String domain = domain();
        String admin = "admin@" + domain;
        OrganisationId org = wrt().organisation(admin);
        String slug = slugOf(org);
        CampaignId campaign = campaign(org, Actor.admin(admin), "", "Ann", "ann@" + domain, "Bob", "bob@" + domain);
        RequestPostProcessor asAdmin = user(admin).authorities(new SimpleGrantedAuthority(OrganisationRoles.admin(slug)));
        String rounds = "/org/" + slug + "/campaigns/" + campaign.value() + "/rounds";
        await("the roster").atMost(WAIT).untilAsserted(() -> mvc.perform(get(rounds).with(asAdmin))
                .andExpect(content().string(containsString("bob@" + domain))));
        UUID bob = jdbc.queryForObject("SELECT person_id FROM " + schemaOf(org) + ".person WHERE email = ?",
                UUID.class, "bob@" + domain);

        mvc.perform(post("/org/" + slug + "/campaigns/" + campaign.value() + "/roster/" + bob + "/set-aside")
                        .param("note", "on leave until March").with(asAdmin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(events().messages(PersonSetAside.class).stream()
                .filter(m -> ((PersonSetAside) m.getPayload()).campaignId().equals(campaign)))
                .singleElement().satisfies(m -> assertThat(m.getMetaData().get(Actor.METADATA_KEY))
                        .isEqualTo("admin:" + admin));
        // the round-start preview: Bob is listed as left out with the note, and the round would ask one person
        mvc.perform(get(rounds).with(asAdmin)).andExpect(content().string(allOf(
                containsString("Left out of the next round (1)"), containsString("on leave until March"),
                containsString("send 1 invitations"))));

        RoundId first = wrt().startRound(org, campaign, Actor.admin(admin), Duration.ofDays(10));
        assertThat(invitations(campaign).keySet()).containsExactly("ann@" + domain);
        await("Ann's invitation").atMost(WAIT).until(() -> SMTP.to("ann@" + domain).size() == 1);
        assertThat(SMTP.to("bob@" + domain)).isEmpty();

        mvc.perform(post("/org/" + slug + "/campaigns/" + campaign.value() + "/roster/" + bob + "/bring-back")
                .with(asAdmin).with(csrf())).andExpect(status().is3xxRedirection());
        wrt().send(new CloseRound(first, org), Actor.admin(admin));
        wrt().startRound(org, campaign, Actor.admin(admin), Duration.ofDays(10));
        assertThat(invitations(campaign).keySet()).containsExactlyInAnyOrder("ann@" + domain, "bob@" + domain);
        await("Bob's invitation in round 2").atMost(WAIT).until(() -> SMTP.to("bob@" + domain).size() == 1);
    }

    private String schemaOf(OrganisationId org) {
        return jdbc.queryForObject("SELECT schema_name FROM tenant WHERE organisation_id = ?", String.class,
                org.value());
    }

    private int linkStatus(String slug, String token) {
        try {
            return mvc.perform(get("/org/" + slug + "/nominate/" + token)).andReturn().getResponse().getStatus();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<MailSent> mailSent(Collection<UUID> ids, MailPurpose purpose) {
        return events().payloads(MailSent.class, e -> e.purpose() == purpose && ids.contains(e.invitationId().value()));
    }
}
