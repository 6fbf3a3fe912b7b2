package org.oostkit.wrt.adapters.mail;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The mails as people read them: absolute links, both bodies, escaping, tracking headers. */
class MailTemplatesTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private final MailComposer composer = new MailComposer(new MailTemplates(), new ProviderHeaders("postmark"),
            "https://wrt.example.org/", ZONE);
    private final UUID organisation = UUID.randomUUID();
    private final UUID invitation = UUID.randomUUID();

    private OutboxRow row(String purpose) {
        return row(purpose, "Alice <Admin> & Co");
    }

    private OutboxRow row(String purpose, String name) {
        return new OutboxRow(invitation, purpose, organisation, UUID.randomUUID(), 0, "alice@example.org",
                name, "acme", "Acme & Sons", "Future of work",
                "We meet in Utrecht.\n\nBring <ideas> & questions.", Instant.parse("2026-12-04T16:00:00Z"), null);
    }

    @Test
    void invitationSaysWhoWhatByWhenWithAnAbsolutePersonalLink() throws IOException {
        MailMessage mail = composer.invitationMail(row("INVITATION"), "tok_EN-123");

        assertThat(mail.to()).isEqualTo("alice@example.org");
        assertThat(mail.subject()).isEqualTo("Future of work: who should be in the room?");
        assertThat(mail.text())
                .contains("Hello Alice <Admin> & Co,")
                .contains("Acme & Sons is preparing a workshop, \"Future of work\"")
                .contains("We meet in Utrecht.\n\nBring <ideas> & questions.")
                .contains("by Friday 4 December 2026, 17:00 (Europe/Amsterdam, CET)")
                .contains("https://wrt.example.org/org/acme/nominate/tok_EN-123");
        assertThat(mail.html())
                .contains("Hello Alice &lt;Admin&gt; &amp; Co,")
                .contains("<p style=\"margin:0 0 12px 0;padding-left:12px;border-left:3px solid #d0d7de;\">Bring &lt;ideas&gt; &amp; questions.</p>")
                .contains("href=\"https://wrt.example.org/org/acme/nominate/tok_EN-123\"")
                .contains("Friday 4 December 2026, 17:00 (Europe/Amsterdam, CET)")
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .doesNotContain("<Admin>");
        assertThat(mail.headers())
                .containsEntry("X-PM-Metadata-tenant", organisation.toString())
                .containsEntry("X-PM-Metadata-invitation", invitation.toString())
                .containsEntry("X-PM-Track-Opens", "true")
                .containsEntry("X-PM-TrackLinks", "None");
        assertThat(String.join(" ", mail.headers().values())).doesNotContain("alice").doesNotContain("Alice");

        Path preview = Path.of("target", "mail-preview");
        Files.createDirectories(preview);
        Files.writeString(preview.resolve("invitation.html"), mail.html());
        Files.writeString(preview.resolve("invitation.txt"), mail.text());
    }

    @Test
    void aSeedWithoutANameIsGreetedWithoutAGap() {
        for (String purpose : new String[]{"INVITATION", "REMINDER"}) {
            for (String name : new String[]{"", "  ", null}) {
                MailMessage mail = composer.invitationMail(row(purpose, name), "tok");

                assertThat(mail.text()).startsWith("Hello,\n").doesNotContain("Hello ,");
                assertThat(mail.html()).contains(">Hello,</p>").doesNotContain("Hello ,");
            }
        }
    }

    @Test
    void reminderCarriesTheNewLinkAndTheDeadline() throws IOException {
        MailMessage mail = composer.invitationMail(row("REMINDER"), "fresh-token");

        assertThat(mail.kind()).isEqualTo("reminder");
        assertThat(mail.subject()).isEqualTo("Reminder: Future of work – please answer by 4 December");
        assertThat(mail.text()).contains("https://wrt.example.org/org/acme/nominate/fresh-token")
                .contains("replaces the one in the earlier mail")
                .contains("Friday 4 December 2026, 17:00");
        assertThat(mail.html()).contains("href=\"https://wrt.example.org/org/acme/nominate/fresh-token\"");
        Files.createDirectories(Path.of("target", "mail-preview"));
        Files.writeString(Path.of("target", "mail-preview", "reminder.html"), mail.html());
    }

    @Test
    void theCampaignsZoneWinsOverTheDefaultAndIsNamed() {
        OutboxRow zoned = new OutboxRow(invitation, "INVITATION", organisation, UUID.randomUUID(), 0,
                "alice@example.org", "Alice", "acme", "Acme", "Future of work", "", Instant.parse("2026-12-04T16:00:00Z"),
                "America/New_York");
        MailMessage mail = composer.invitationMail(zoned, "t");

        assertThat(mail.text()).contains("Friday 4 December 2026, 11:00 (America/New_York, EST)")
                .doesNotContain("Europe/Amsterdam");
        assertThat(mail.html()).contains("Friday 4 December 2026, 11:00 (America/New_York, EST)");
    }

    @Test
    void verificationCodeIsInTheBodyNotInTheSubject() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        MailMessage mail = composer.verificationCode(organisation, invitation, "Acme", "Future of work",
                "alice@example.org", "042917", now.plusSeconds(600), now, ZONE);

        assertThat(mail.subject()).isEqualTo("Your verification code for Future of work").doesNotContain("042917");
        assertThat(mail.text()).contains("    042917").contains("valid for 10 minutes");
        assertThat(mail.html()).contains(">042917</p>");
        assertThat(mail.headers()).containsEntry("X-PM-TrackLinks", "None").containsEntry("X-PM-Track-Opens", "false");
    }

    @Test
    void signInLinkIsAbsoluteAndUntracked() {
        MailMessage mail = composer.signInLink("admin@example.org",
                composer.absolute("/login/link/abc"), Instant.parse("2026-12-01T10:15:00Z"));

        assertThat(mail.subject()).isEqualTo("Your sign-in link for the Workshop Referral Tool");
        assertThat(mail.text()).contains("https://wrt.example.org/login/link/abc").contains("11:15 (Europe/Amsterdam, CET)");
        assertThat(mail.html()).contains("href=\"https://wrt.example.org/login/link/abc\"");
        assertThat(mail.headers()).containsEntry("X-PM-TrackLinks", "None")
                .doesNotContainKey("X-PM-Metadata-invitation");
    }

    @Test
    void retentionWarningLinksToTheCampaign() {
        MailMessage mail = composer.retentionWarning(organisation, "Acme", "Future of work", "admin@example.org",
                Instant.parse("2027-01-10T00:00:00Z"), ZONE, "/org/acme/campaigns/1");

        assertThat(mail.subject()).isEqualTo("Future of work: personal data will be erased on 10 January");
        assertThat(mail.text()).contains("https://wrt.example.org/org/acme/campaigns/1");
        assertThat(mail.html()).contains("Sunday 10 January 2027, 01:00 (Europe/Amsterdam, CET)");
    }

    @Test
    void sendGridGetsOpaqueUniqueArgsAndNoClickTracking() {
        MailComposer sendgrid = new MailComposer(new MailTemplates(), new ProviderHeaders("sendgrid"),
                "https://wrt.example.org", ZONE);
        MailMessage mail = sendgrid.invitationMail(row("INVITATION"), "t");

        String api = mail.headers().get("X-SMTPAPI");
        assertThat(api).contains("\"unique_args\":{\"tenant\":\"" + organisation + "\",\"invitation\":\"" + invitation + "\"}")
                .contains("\"clicktrack\":{\"settings\":{\"enable\":0}}")
                .contains("\"opentrack\":{\"settings\":{\"enable\":1}}")
                .doesNotContain("alice");
        assertThat(mail.headers()).hasSize(1);
    }

    @Test
    void noProviderNoHeaders() {
        MailComposer none = new MailComposer(new MailTemplates(), new ProviderHeaders("none"),
                "https://wrt.example.org", ZONE);
        assertThat(none.invitationMail(row("INVITATION"), "t").headers()).isEmpty();
    }
}
