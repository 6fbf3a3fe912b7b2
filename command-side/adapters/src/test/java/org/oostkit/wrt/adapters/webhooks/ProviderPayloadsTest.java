package org.oostkit.wrt.adapters.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.oostkit.wrt.api.invitation.DeliveryKind;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Provider payloads, as documented")
class ProviderPayloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant RECEIVED = Instant.parse("2026-11-22T10:00:00Z");
    private static final String TENANT = "5b0c7d0e-1c53-4f0e-9a53-2f5b9e0f6a11";
    private static final String INVITATION = "9e1f4f0a-7d1b-4c55-8f3e-0b6a2f0c9d22";

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "postmark-delivery.json, DELIVERED, Delivery/883953f4-6105-42a2-a16a-77a8eac79483/2019-11-05T16:33:54.9070259Z/",
            "postmark-bounce.json, BOUNCED, Bounce/883953f4-6105-42a2-a16a-77a8eac79483/2019-11-05T16:33:54.9070259Z/42",
            "postmark-open.json, OPENED, Open/883953f4-6105-42a2-a16a-77a8eac79483/2019-11-05T16:33:54.9070259Z/",
            "postmark-click.json, CLICKED, Click/00000000-0000-0000-0000-000000000000/2017-10-25T15:21:11.9065619Z/",
            "postmark-spam-complaint.json, SPAM_COMPLAINT, SpamComplaint/00000000-0000-0000-0000-000000000000/2019-11-05T16:33:54.9070259Z/42"})
    @DisplayName("Postmark: one record per request, with a key derived from type, message, time and bounce id")
    void postmark(String fixture, DeliveryKind kind, String key) {
        ProviderReport report = PostmarkPayload.read(JSON, bytes(Fixtures.payload(fixture, TENANT, INVITATION)), RECEIVED);
        assertThat(report.kind()).isEqualTo(kind);
        assertThat(report.eventKey()).isEqualTo(key);
        assertThat(report.tenant()).isEqualTo(TENANT);
        assertThat(report.invitation()).isEqualTo(INVITATION);
        assertThat(report.provider()).isEqualTo("postmark");
        assertThat(report.occurredAt()).isBefore(RECEIVED);
        assertThat(report.toString()).doesNotContain("example.com");
    }

    @Test
    @DisplayName("Postmark: timestamps with an offset are read as instants")
    void offset() {
        String body = "{\"RecordType\":\"Delivery\",\"MessageID\":\"m\",\"DeliveredAt\":\"2014-08-01T13:28:10.2735393-04:00\"}";
        assertThat(PostmarkPayload.read(JSON, bytes(body), RECEIVED).occurredAt())
                .isEqualTo(Instant.parse("2014-08-01T17:28:10.2735393Z"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"HardBounce, BOUNCED", "BadEmailAddress, BOUNCED", "ManuallyDeactivated, BOUNCED", "DMARCPolicy, BOUNCED",
            "SoftBounce, SOFT_BOUNCED", "Transient, SOFT_BOUNCED", "DnsError, SOFT_BOUNCED", "Blocked, SOFT_BOUNCED",
            "SpamComplaint, SPAM_COMPLAINT"})
    @DisplayName("Postmark: the bounce type decides hard or soft")
    void bounceTypes(String type, DeliveryKind kind) {
        assertThat(PostmarkPayload.kind("Bounce", type)).isEqualTo(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AutoResponder", "AddressChange", "Subscribe", "Unsubscribe", "ChallengeVerification"})
    @DisplayName("Postmark: bounce records that are not about delivery are not tracked")
    void notDelivery(String type) {
        assertThat(PostmarkPayload.kind("Bounce", type)).isNull();
        assertThat(PostmarkPayload.kind("SubscriptionChange", "")).isNull();
        assertThat(PostmarkPayload.kind("Inbound", "")).isNull();
    }

    @Test
    @DisplayName("SendGrid: the documented batch, tracked kinds mapped and the rest kept untracked")
    void sendgrid() {
        List<ProviderReport> reports = SendGridPayload.read(JSON,
                bytes(Fixtures.payload("sendgrid-events.json", TENANT, INVITATION)), RECEIVED);
        assertThat(reports).extracting(ProviderReport::kind).containsExactly(
                null, null, DeliveryKind.DELIVERED, DeliveryKind.OPENED, DeliveryKind.CLICKED, DeliveryKind.BOUNCED,
                DeliveryKind.BOUNCED, DeliveryKind.SPAM_COMPLAINT, null, null, null);
        assertThat(reports).allSatisfy(report -> {
            assertThat(report.eventKey()).isEqualTo("sg_event_id");
            assertThat(report.tenant()).isEqualTo(TENANT);
            assertThat(report.invitation()).isEqualTo(INVITATION);
            assertThat(report.occurredAt()).isEqualTo(Instant.ofEpochSecond(1513299569));
            assertThat(report.toString()).doesNotContain("sendgrid.com").doesNotContain("example@test.com");
        });
    }

    @Test
    @DisplayName("SendGrid: a blocked bounce is soft, a plain bounce hard")
    void blocked() {
        List<ProviderReport> reports = SendGridPayload.read(JSON,
                bytes(Fixtures.payload("sendgrid-blocked.json", TENANT, INVITATION)), RECEIVED);
        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.kind()).isEqualTo(DeliveryKind.SOFT_BOUNCED);
            assertThat(report.eventKey()).isEqualTo("Ym91bmNlLTQtNTA0ODUxOTUtZXVvMmlLeGRTYXlQRjRZRTQtLUk3QS0w");
        });
        assertThat(SendGridPayload.kind("bounce", "bounce")).isEqualTo(DeliveryKind.BOUNCED);
    }

    @Test
    @DisplayName("malformed bodies are refused, each provider with its own shape")
    void malformed() {
        assertThatThrownBy(() -> PostmarkPayload.read(JSON, bytes("{\"RecordType\": "), RECEIVED))
                .isInstanceOf(MalformedPayload.class);
        assertThatThrownBy(() -> PostmarkPayload.read(JSON, bytes("[{}]"), RECEIVED)).isInstanceOf(MalformedPayload.class);
        assertThatThrownBy(() -> PostmarkPayload.read(JSON, null, RECEIVED)).isInstanceOf(MalformedPayload.class);
        assertThatThrownBy(() -> SendGridPayload.read(JSON, bytes("{\"event\":\"delivered\"}"), RECEIVED))
                .isInstanceOf(MalformedPayload.class);
        assertThatThrownBy(() -> SendGridPayload.read(JSON, bytes("[1, 2]"), RECEIVED)).isInstanceOf(MalformedPayload.class);
        assertThatThrownBy(() -> SendGridPayload.read(JSON, bytes("not json"), RECEIVED)).isInstanceOf(MalformedPayload.class);
    }

    @Test
    @DisplayName("a control character, broken surrogate or bidi control in any field makes the body malformed")
    void controlCharacters() {
        assertThatThrownBy(() -> PostmarkPayload.read(JSON, bytes("{\"RecordType\":\"Delivery\",\"MessageID\":"
                + "\"a\\u0000b\"}"), RECEIVED))
                .isInstanceOf(MalformedPayload.class)
                .hasMessage("The field MessageID contains an invisible control character (U+0000), which is not allowed.");
        assertThatThrownBy(() -> PostmarkPayload.read(JSON, bytes("{\"RecordType\":\"Delivery\",\"MessageID\":\"m\","
                + "\"Metadata\":{\"tenant\":\"t\\r\\nx\"}}"), RECEIVED))
                .isInstanceOf(MalformedPayload.class).hasMessageContaining("The field tenant contains a line break");
        assertThatThrownBy(() -> SendGridPayload.read(JSON, bytes("[{\"event\":\"delivered\",\"sg_event_id\":"
                + "\"x\\ud800\"}]"), RECEIVED))
                .isInstanceOf(MalformedPayload.class).hasMessageContaining("The field sg_event_id contains a broken");
        assertThatThrownBy(() -> SendGridPayload.read(JSON, bytes("[{\"event\":\"delivered\",\"sg_event_id\":"
                + "\"x\",\"invitation\":\"\\u202e1\"}]"), RECEIVED))
                .isInstanceOf(MalformedPayload.class).hasMessageContaining("text-direction character (U+202E)");
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
