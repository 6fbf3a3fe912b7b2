package org.oostkit.wrt.adapters.webhooks;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.adapters.webhooks.SendGridSignature.Verdict;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("SendGrid signed event webhook")
class SendGridSignatureTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String TIMESTAMP = Long.toString(NOW.getEpochSecond());
    private static final KeyPair KEYS = Fixtures.sendGridKeys();
    private static final byte[] BODY = Fixtures.payload("sendgrid-events.json", "t", "i").getBytes(StandardCharsets.UTF_8);

    private final SendGridSignature signature = new SendGridSignature(Fixtures.publicKey(KEYS), Duration.ofMinutes(5),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    @DisplayName("accepts the raw body signed with the timestamp")
    void valid() {
        assertThat(signature.verify(Fixtures.sign(KEYS.getPrivate(), TIMESTAMP, BODY), TIMESTAMP, BODY))
                .isEqualTo(Verdict.VALID);
    }

    @Test
    @DisplayName("refuses a body changed by a single byte, even one JSON would not notice")
    void tampered() {
        String signed = Fixtures.sign(KEYS.getPrivate(), TIMESTAMP, BODY);
        byte[] reformatted = (new String(BODY, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] changed = new String(BODY, StandardCharsets.UTF_8).replace("\"delivered\"", "\"bounce\"")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(signature.verify(signed, TIMESTAMP, reformatted)).isEqualTo(Verdict.INVALID);
        assertThat(signature.verify(signed, TIMESTAMP, changed)).isEqualTo(Verdict.INVALID);
    }

    @Test
    @DisplayName("refuses a signature moved to another timestamp")
    void otherTimestamp() {
        String later = Long.toString(NOW.getEpochSecond() + 1);
        assertThat(signature.verify(Fixtures.sign(KEYS.getPrivate(), TIMESTAMP, BODY), later, BODY))
                .isEqualTo(Verdict.INVALID);
    }

    @Test
    @DisplayName("refuses timestamps more than five minutes old or ahead")
    void stale() {
        String old = Long.toString(NOW.minus(Duration.ofMinutes(5)).minusSeconds(1).getEpochSecond());
        String ahead = Long.toString(NOW.plus(Duration.ofMinutes(6)).getEpochSecond());
        String edge = Long.toString(NOW.minus(Duration.ofMinutes(5)).getEpochSecond());
        assertThat(signature.verify(Fixtures.sign(KEYS.getPrivate(), old, BODY), old, BODY)).isEqualTo(Verdict.STALE);
        assertThat(signature.verify(Fixtures.sign(KEYS.getPrivate(), ahead, BODY), ahead, BODY)).isEqualTo(Verdict.STALE);
        assertThat(signature.verify(Fixtures.sign(KEYS.getPrivate(), edge, BODY), edge, BODY)).isEqualTo(Verdict.VALID);
    }

    @Test
    @DisplayName("refuses another key's signature, garbage and missing headers")
    void wrong() {
        KeyPair other = Fixtures.sendGridKeys();
        assertThat(signature.verify(Fixtures.sign(other.getPrivate(), TIMESTAMP, BODY), TIMESTAMP, BODY))
                .isEqualTo(Verdict.INVALID);
        assertThat(signature.verify("not base64!", TIMESTAMP, BODY)).isEqualTo(Verdict.INVALID);
        assertThat(signature.verify(Base64.getEncoder().encodeToString(new byte[]{1, 2, 3}), TIMESTAMP, BODY))
                .isEqualTo(Verdict.INVALID);
        assertThat(signature.verify(Fixtures.sign(KEYS.getPrivate(), TIMESTAMP, BODY), "yesterday", BODY))
                .isEqualTo(Verdict.INVALID);
        assertThat(signature.verify(null, TIMESTAMP, BODY)).isEqualTo(Verdict.MISSING);
        assertThat(signature.verify(Fixtures.sign(KEYS.getPrivate(), TIMESTAMP, BODY), " ", BODY))
                .isEqualTo(Verdict.MISSING);
    }

    @Test
    @DisplayName("without a key, nothing is valid; a key that is no P-256 key stops the start")
    void configuration() {
        SendGridSignature unset = new SendGridSignature("", Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(unset.configured()).isFalse();
        assertThat(unset.verify(Fixtures.sign(KEYS.getPrivate(), TIMESTAMP, BODY), TIMESTAMP, BODY))
                .isEqualTo(Verdict.NOT_CONFIGURED);
        assertThatThrownBy(() -> new SendGridSignature("bm90IGEga2V5", Duration.ofMinutes(5), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SENDGRID_WEBHOOK_PUBLIC_KEY");
    }
}
