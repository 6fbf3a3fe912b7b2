package org.oostkit.wrt.adapters.mail;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real SMTP: what arrives, and how refusals are told apart (permanent, temporary, no server). */
class SmtpTransportTest {

    private final SmtpServer smtp = new SmtpServer().start();

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private static MailProperties properties(int port) {
        return new MailProperties(new MailProperties.Smtp("127.0.0.1", port, null, null, Duration.ofSeconds(5)),
                "WRT Test <wrt@sender.test>", "postmark", null, Duration.ofDays(30));
    }

    private MailMessage invitation(String to) {
        return invitation(to, "Zoë Ångström");
    }

    private MailMessage invitation(String to, String name) {
        MailComposer composer = new MailComposer(new MailTemplates(), new ProviderHeaders("postmark"),
                "https://wrt.example.org", ZoneOffset.UTC);
        return composer.invitationMail(new OutboxRow(UUID.randomUUID(), "INVITATION", UUID.randomUUID(),
                UUID.randomUUID(), 0, to, name, "acme", "Acme", "Future of work", "",
                Instant.parse("2026-12-04T16:00:00Z"), null), "the-token");
    }

    @Test
    void deliversBothBodiesHeadersAndTheMessageId() throws Exception {
        MailMessage message = invitation("zoe@receiver.test");
        try (SmtpTransport transport = new SmtpTransport(properties(smtp.port()))) {
            transport.send(message);
        }

        MimeMessage received = smtp.to("zoe@receiver.test").get(0);
        assertThat(received.getSubject()).isEqualTo("Future of work: who should be in the room?");
        assertThat(received.getFrom()[0].toString()).contains("wrt@sender.test");
        assertThat(received.getMessageID()).isEqualTo(message.messageId());
        assertThat(SmtpServer.text(received)).contains("https://wrt.example.org/org/acme/nominate/the-token")
                .contains("Hello Zoë Ångström");
        assertThat(SmtpServer.html(received)).contains("href=\"https://wrt.example.org/org/acme/nominate/the-token\"");
        assertThat(SmtpServer.header(received, "X-PM-TrackLinks")).isEqualTo("None");
        assertThat(SmtpServer.header(received, "X-PM-Track-Opens")).isEqualTo("true");
        assertThat(SmtpServer.header(received, "X-PM-Metadata-invitation")).matches("[0-9a-f-]{36}");
    }

    @Test
    void aFiveHundredReplyIsPermanent() throws Exception {
        try (RefusingSmtpServer server = new RefusingSmtpServer("550 5.1.1 <x@receiver.test> user unknown");
             SmtpTransport transport = new SmtpTransport(properties(server.port()))) {
            assertThatThrownBy(() -> transport.send(invitation("x@receiver.test")))
                    .isInstanceOfSatisfying(MailDeliveryException.class, e -> {
                        assertThat(e.permanent()).isTrue();
                        assertThat(e.getMessage()).contains("550");
                    });
        }
    }

    @Test
    void aFourHundredReplyIsTemporary() throws Exception {
        try (RefusingSmtpServer server = new RefusingSmtpServer("451 4.3.0 try again later");
             SmtpTransport transport = new SmtpTransport(properties(server.port()))) {
            assertThatThrownBy(() -> transport.send(invitation("x@receiver.test")))
                    .isInstanceOfSatisfying(MailDeliveryException.class, e -> {
                        assertThat(e.permanent()).isFalse();
                        assertThat(e.serverUnavailable()).isFalse();
                    });
        }
    }

    @Test
    void noServerIsTemporaryAndUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (SmtpTransport transport = new SmtpTransport(properties(closedPort))) {
            assertThatThrownBy(() -> transport.send(invitation("x@receiver.test")))
                    .isInstanceOfSatisfying(MailDeliveryException.class, e -> {
                        assertThat(e.permanent()).isFalse();
                        assertThat(e.serverUnavailable()).isTrue();
                    });
        }
    }

    @Test
    void anInvalidAddressIsPermanent() throws Exception {
        try (SmtpTransport transport = new SmtpTransport(properties(smtp.port()))) {
            assertThatThrownBy(() -> transport.send(invitation("not an address@@receiver")))
                    .isInstanceOfSatisfying(MailDeliveryException.class, e -> assertThat(e.permanent()).isTrue());
        }
        assertThat(smtp.received()).isEmpty();
    }

    @Test
    void aLineBreakInTheRecipientsNameIsPermanentAndNothingIsSent() throws Exception {
        // names entered before input was checked may still hold one; the header would be refused every time
        try (SmtpTransport transport = new SmtpTransport(properties(smtp.port()))) {
            assertThatThrownBy(() -> transport.send(invitation("crlf@receiver.test", "Mallory\r\nBcc: all@evil.test")))
                    .isInstanceOfSatisfying(MailDeliveryException.class, e -> {
                        assertThat(e.permanent()).isTrue();
                        assertThat(e.serverUnavailable()).isFalse();
                        assertThat(e.getMessage()).contains("line break").doesNotContain("Mallory");
                    });
        }
        assertThat(smtp.received()).isEmpty();
    }
}
