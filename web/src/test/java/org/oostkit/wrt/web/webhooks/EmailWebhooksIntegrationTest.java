package org.oostkit.wrt.web.webhooks;

import org.awaitility.Awaitility;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.adapters.webhooks.Fixtures;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.DeliveryKind;
import org.oostkit.wrt.api.invitation.DeliveryRecorded;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.testing.EventLog;
import org.oostkit.wrt.testing.Wrt;
import org.oostkit.wrt.web.WrtApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhooks against the whole application on PostgreSQL, through real HTTP. */
// every full application on the shared test database runs its own mail, webhook and Axon processors: close it
// after its class, so that no two of them compete for the same outbox, tokens or deadlines
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = WrtApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "wrt.webhooks.postmark.username=postmark-hooks",
                "wrt.webhooks.postmark.password=correct horse battery staple",
        })
@DisplayName("Email provider webhooks, end to end")
class EmailWebhooksIntegrationTest {

    private static final KeyPair SENDGRID = Fixtures.sendGridKeys();
    private static final String ADMIN = "admin@example.org";
    private static final String POSTMARK_AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("postmark-hooks:correct horse battery staple".getBytes(StandardCharsets.UTF_8));
    private static final List<String> POSTMARK_FIXTURES = List.of("postmark-delivery.json", "postmark-bounce.json",
            "postmark-open.json", "postmark-click.json", "postmark-spam-complaint.json");

    @DynamicPropertySource
    static void sendGridKey(DynamicPropertyRegistry registry) {
        registry.add("wrt.webhooks.sendgrid.public-key", () -> Fixtures.publicKey(SENDGRID));
    }

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commandGateway;
    @Autowired
    EventStorageEngine eventStorageEngine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    @DisplayName("Postmark's documented records become delivery reports of the invitation, once each, as the webhook")
    void postmark() throws Exception {
        Round round = round(1);
        InvitationId invitation = round.invitations().get(0);
        for (String fixture : POSTMARK_FIXTURES) {
            HttpResponse<String> answer = postmark(Fixtures.payload(fixture, round.organisation(), invitation));
            assertThat(answer.statusCode()).as(fixture).isEqualTo(200);
            assertThat(json.readTree(answer.body()).path("queued").asInt()).as(fixture).isEqualTo(1);
        }
        awaitInboxApplied();
        for (String fixture : POSTMARK_FIXTURES) {
            assertThat(postmark(Fixtures.payload(fixture, round.organisation(), invitation)).statusCode()).isEqualTo(200);
        }
        awaitInboxApplied();

        List<? extends TrackedEventMessage<?>> recorded = deliveries(e -> e.invitationId().equals(invitation));
        // requests are applied by several workers, in no promised order (nor do providers promise one)
        assertThat(recorded).extracting(m -> ((DeliveryRecorded) m.getPayload()).kind()).containsExactlyInAnyOrder(
                DeliveryKind.DELIVERED, DeliveryKind.BOUNCED, DeliveryKind.OPENED, DeliveryKind.CLICKED,
                DeliveryKind.SPAM_COMPLAINT);
        assertThat(recorded).allSatisfy(m -> {
            assertThat(m.getMetaData()).containsEntry(Actor.METADATA_KEY, "webhook:postmark")
                    .containsEntry(Actor.TENANT_KEY, round.organisation().toString());
            assertThat(((DeliveryRecorded) m.getPayload()).provider()).isEqualTo("postmark");
        });
        assertThat(recorded).extracting(m -> ((DeliveryRecorded) m.getPayload()).occurredAt())
                .contains(Instant.parse("2019-11-05T16:33:54.9070259Z"), Instant.parse("2017-10-25T15:21:11.9065619Z"));
        assertThat(storedEventsContaining("https://example.com")).isZero();
        assertThat(storedEventsContaining("OriginalLink")).isZero();
    }

    @Test
    @DisplayName("SendGrid's documented batch: tracked events recorded by sg_event_id, the others acknowledged")
    void sendgrid() throws Exception {
        Round round = round(3);
        InvitationId asDocumented = round.invitations().get(0);
        InvitationId distinct = round.invitations().get(1);
        InvitationId blocked = round.invitations().get(2);

        // verbatim, every event carries the placeholder id "sg_event_id": one event, the rest its duplicates
        JsonNode verbatim = json.readTree(sendgrid(Fixtures.payload("sendgrid-events.json", round.organisation(),
                asDocumented)).body());
        assertThat(verbatim.path("received").asInt()).isEqualTo(11);
        assertThat(verbatim.path("queued").asInt()).isEqualTo(6);
        assertThat(verbatim.path("ignored").asInt()).isEqualTo(5);

        String batch = Fixtures.distinctSendGridIds(Fixtures.payload("sendgrid-events.json", round.organisation(), distinct));
        HttpResponse<String> first = sendgrid(batch);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json.readTree(first.body()).path("queued").asInt()).isEqualTo(6);
        assertThat(sendgrid(batch).statusCode()).isEqualTo(200);
        assertThat(sendgrid(Fixtures.payload("sendgrid-blocked.json", round.organisation(), blocked)).statusCode())
                .isEqualTo(200);
        awaitInboxApplied();

        assertThat(deliveries(e -> e.invitationId().equals(asDocumented)))
                .extracting(m -> ((DeliveryRecorded) m.getPayload()).kind()).containsExactly(DeliveryKind.DELIVERED);
        assertThat(deliveries(e -> e.invitationId().equals(distinct)))
                .extracting(m -> ((DeliveryRecorded) m.getPayload()).kind()).containsExactlyInAnyOrder(
                        DeliveryKind.DELIVERED, DeliveryKind.OPENED, DeliveryKind.CLICKED, DeliveryKind.BOUNCED,
                        DeliveryKind.BOUNCED, DeliveryKind.SPAM_COMPLAINT);
        assertThat(deliveries(e -> e.invitationId().equals(blocked)))
                .extracting(m -> ((DeliveryRecorded) m.getPayload()).kind()).containsExactly(DeliveryKind.SOFT_BOUNCED);
        assertThat(deliveries(e -> e.organisationId().equals(round.organisation())))
                .allSatisfy(m -> assertThat(m.getMetaData()).containsEntry(Actor.METADATA_KEY, "webhook:sendgrid"));
        assertThat(storedEventsContaining("http://www.sendgrid.com/")).isZero();
    }

    @Test
    @DisplayName("unknown and foreign invitations, and mails WRT did not send, are acknowledged, counted and ignored")
    void ignored() throws Exception {
        Round ours = round(1);
        Round theirs = round(1);
        double unknown = count("postmark", "unknown-invitation");
        double foreign = count("sendgrid", "foreign-tenant");
        double noMetadata = count("postmark", "no-metadata");
        double untracked = count("sendgrid", "untracked-kind");

        HttpResponse<String> nobody = postmark(Fixtures.payload("postmark-delivery.json", ours.organisation(),
                InvitationId.random()));
        HttpResponse<String> otherTenant = sendgrid(Fixtures.distinctSendGridIds(Fixtures.payload("sendgrid-events.json",
                ours.organisation(), theirs.invitations().get(0))));
        HttpResponse<String> notOurs = postmark(Fixtures.payload("postmark-open.json", "a_value", "b_value"));

        assertThat(List.of(nobody, otherTenant, notOurs)).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
        assertThat(json.readTree(otherTenant.body()).path("ignored").asInt()).isEqualTo(5);
        assertThat(json.readTree(notOurs.body()).path("ignored").asInt()).isEqualTo(1);
        awaitInboxApplied();
        assertThat(count("postmark", "unknown-invitation") - unknown).isEqualTo(1);
        assertThat(count("sendgrid", "foreign-tenant") - foreign).isEqualTo(6);
        assertThat(count("sendgrid", "untracked-kind") - untracked).isEqualTo(5);
        assertThat(count("postmark", "no-metadata") - noMetadata).isEqualTo(1);
        assertThat(deliveries(e -> e.organisationId().equals(ours.organisation())
                || e.organisationId().equals(theirs.organisation()))).isEmpty();
    }

    @Test
    @DisplayName("missing or wrong credentials, a tampered body and a stale signature are 401, never 403")
    void unauthenticated() throws Exception {
        Round round = round(1);
        String postmarkBody = Fixtures.payload("postmark-delivery.json", round.organisation(), round.invitations().get(0));
        String wrong = "Basic " + Base64.getEncoder().encodeToString("postmark-hooks:guess".getBytes(StandardCharsets.UTF_8));
        String sendgridBody = Fixtures.distinctSendGridIds(Fixtures.payload("sendgrid-events.json", round.organisation(),
                round.invitations().get(0)));
        String now = Long.toString(Instant.now().getEpochSecond());
        String stale = Long.toString(Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond());
        byte[] signed = sendgridBody.getBytes(StandardCharsets.UTF_8);

        List<HttpResponse<String>> answers = List.of(
                send("/webhooks/email/postmark", postmarkBody, Map.of()),
                send("/webhooks/email/postmark", postmarkBody, Map.of("Authorization", wrong)),
                send("/webhooks/email/sendgrid", sendgridBody, Map.of()),
                send("/webhooks/email/sendgrid", sendgridBody.replace("\"delivered\"", "\"bounce\""), Map.of(
                        EmailWebhookController.SIGNATURE_HEADER, Fixtures.sign(SENDGRID.getPrivate(), now, signed),
                        EmailWebhookController.TIMESTAMP_HEADER, now)),
                send("/webhooks/email/sendgrid", sendgridBody, Map.of(
                        EmailWebhookController.SIGNATURE_HEADER, Fixtures.sign(SENDGRID.getPrivate(), stale, signed),
                        EmailWebhookController.TIMESTAMP_HEADER, stale)));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        });
        assertThat(answers.get(0).headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"wrt-webhooks\"");
        assertThat(deliveries(e -> e.organisationId().equals(round.organisation()))).isEmpty();
    }

    @Test
    @DisplayName("an authenticated body that is not the provider's JSON is 400 problem+json")
    void malformed() throws Exception {
        HttpResponse<String> postmark = postmark("{\"RecordType\": \"Delivery\", ");
        HttpResponse<String> sendgrid = sendgrid("{\"event\": \"delivered\"}");
        assertThat(List.of(postmark, sendgrid)).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.body()).doesNotContain("Exception");
        });
    }

    @Test
    @DisplayName("a stored row that cannot be read is kept and parked for an operator, not lost nor retried forever")
    void parked() throws Exception {
        awaitInboxApplied();
        Long id = jdbc.queryForObject("INSERT INTO webhook_inbox (provider, reports) VALUES ('postmark', 'not json') "
                + "RETURNING id", Long.class);
        Awaitility.await("row tried").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.queryForObject("SELECT last_error IS NOT NULL FROM webhook_inbox WHERE id = ?",
                        Boolean.class, id));
        Map<String, Object> row = jdbc.queryForMap("SELECT attempts, parked_at IS NOT NULL AS parked "
                + "FROM webhook_inbox WHERE id = ?", id);
        assertThat(row).containsEntry("attempts", 1).containsEntry("parked", true);
        jdbc.update("DELETE FROM webhook_inbox WHERE id = ?", id);
    }

    @Test
    @DisplayName("a burst of 1,000 events within 30 s, replayed twice more, is recorded exactly once each")
    void burst() throws Exception {
        Round round = round(100);
        List<String> postmarkBodies = new ArrayList<>();
        List<String> sendgridBatches = new ArrayList<>();
        for (InvitationId invitation : round.invitations()) {
            postmarkBodies.addAll(postmarkEvents(round.organisation(), invitation));
            sendgridBatches.add(sendgridEvents(round.organisation(), invitation));
        }
        assertThat(postmarkBodies).hasSize(500);

        // the burst arrives on its own schedule, whether or not earlier requests were answered yet; the
        // providers' retries (every request again, twice) follow as fast as eight senders get answers
        List<Pass> passes = new ArrayList<>();
        passes.add(burst(postmarkBodies, sendgridBatches, BURST_WINDOW));
        passes.add(sendAll(postmarkBodies, sendgridBatches));
        passes.add(sendAll(postmarkBodies, sendgridBatches));

        assertThat(passes).allSatisfy(pass -> {
            assertThat(pass.statuses()).containsOnly(200);
            assertThat(pass.queued()).isEqualTo(1000);
        });
        Duration applied = awaitInboxApplied();
        assertThat(deliveries(e -> e.organisationId().equals(round.organisation()))).hasSize(1000);
        System.out.printf("webhook burst: 1,000 events in %d requests sent within 20 s, all answered after %d ms; "
                        + "replays answered in %d ms and %d ms; inbox applied %d ms after the last answer%n",
                postmarkBodies.size() + sendgridBatches.size(), passes.get(0).elapsed().toMillis(),
                passes.get(1).elapsed().toMillis(), passes.get(2).elapsed().toMillis(), applied.toMillis());
    }

    // --- the burst's traffic: five events per invitation from each provider ---

    private List<String> postmarkEvents(OrganisationId organisation, InvitationId invitation) throws Exception {
        String message = UUID.randomUUID().toString();
        List<String> bodies = new ArrayList<>();
        String[] fixtures = {"postmark-delivery.json", "postmark-open.json", "postmark-open.json", "postmark-click.json",
                "postmark-bounce.json"};
        for (int i = 0; i < fixtures.length; i++) {
            ObjectNode record = (ObjectNode) json.readTree(Fixtures.payload(fixtures[i], organisation, invitation));
            record.put("MessageID", message);
            String at = Instant.parse("2026-11-22T09:00:00Z").plusSeconds(i).toString();
            record.put(record.has("DeliveredAt") ? "DeliveredAt" : record.has("BouncedAt") ? "BouncedAt" : "ReceivedAt", at);
            bodies.add(json.writeValueAsString(record));
        }
        return bodies;
    }

    private String sendgridEvents(OrganisationId organisation, InvitationId invitation) throws Exception {
        ArrayNode documented = (ArrayNode) json.readTree(Fixtures.payload("sendgrid-events.json", organisation, invitation));
        ArrayNode batch = json.createArrayNode();
        for (String kind : List.of("delivered", "open", "click", "open", "spamreport")) {
            for (JsonNode event : documented) {
                if (kind.equals(event.path("event").asText())) {
                    batch.add(((ObjectNode) event.deepCopy()).put("sg_event_id", UUID.randomUUID().toString()));
                    break;
                }
            }
        }
        return json.writeValueAsString(batch);
    }

    private record Pass(List<Integer> statuses, int queued, Duration elapsed) {
    }

    private static final Duration BURST_WINDOW = Duration.ofSeconds(20);

    /** Sends every request at its scheduled moment within the window, without waiting for answers. */
    private Pass burst(List<String> postmarkBodies, List<String> sendgridBatches, Duration window) throws Exception {
        // built and signed beforehand (a signature stays valid for five minutes), so that sending is all
        // the schedule has to do
        List<HttpRequest> requests = new ArrayList<>();
        postmarkBodies.forEach(body -> requests.add(request("/webhooks/email/postmark", body,
                Map.of("Authorization", POSTMARK_AUTH))));
        sendgridBatches.forEach(batch -> requests.add(request("/webhooks/email/sendgrid", batch,
                sendGridHeaders(batch))));
        Collections.shuffle(requests);
        long interval = window.toNanos() / requests.size();
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            long due = start + i * interval;
            long now = System.nanoTime();
            if (due > now) {
                Thread.sleep(Duration.ofNanos(due - now).toMillis());
            }
            answers.add(http.sendAsync(requests.get(i), HttpResponse.BodyHandlers.ofString()));
        }
        Duration sending = Duration.ofNanos(System.nanoTime() - start);
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .get(5, TimeUnit.MINUTES);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        // the schedule leaves a margin for a busy test machine; the burst must have arrived within 30 s
        assertThat(sending).isLessThanOrEqualTo(Duration.ofSeconds(30));
        List<Integer> statuses = new ArrayList<>();
        int queued = 0;
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            statuses.add(answer.get().statusCode());
            JsonNode summary = json.readTree(answer.get().body());
            queued += summary.path("queued").asInt();
        }
        return new Pass(statuses, queued, elapsed);
    }

    private Pass sendAll(List<String> postmarkBodies, List<String> sendgridBatches) throws Exception {
        List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
        postmarkBodies.forEach(body -> requests.add(() -> postmark(body)));
        sendgridBatches.forEach(batch -> requests.add(() -> sendgrid(batch)));
        Collections.shuffle(requests);
        ExecutorService senders = Executors.newFixedThreadPool(8);
        Instant start = Instant.now();
        try {
            List<Future<HttpResponse<String>>> answers = senders.invokeAll(requests);
            Duration elapsed = Duration.between(start, Instant.now());
            List<Integer> statuses = new ArrayList<>();
            int queued = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                statuses.add(answer.get().statusCode());
                JsonNode summary = json.readTree(answer.get().body());
                queued += summary.path("queued").asInt();
            }
            return new Pass(statuses, queued, elapsed);
        } finally {
            senders.shutdownNow();
        }
    }

    // --- plumbing ---

    private record Round(OrganisationId organisation, CampaignId campaign, List<InvitationId> invitations) {
    }

    private Round round(int people) {
        Wrt wrt = new Wrt(commandGateway);
        OrganisationId organisation = wrt.organisation(ADMIN);
        Actor admin = Actor.admin(ADMIN);
        String[] seeds = IntStream.range(0, people)
                .boxed()
                .flatMap(i -> Stream.of("Person " + i, "person" + i + "@example.org"))
                .toArray(String[]::new);
        CampaignId campaign = wrt.campaign(organisation, admin, seeds);
        wrt.startRound(organisation, campaign, admin, Duration.ofDays(7));
        List<InvitationId> invitations = new EventLog(eventStorageEngine)
                .payloads(ContactInvited.class, e -> e.campaignId().equals(campaign))
                .stream().map(ContactInvited::invitationId).toList();
        assertThat(invitations).hasSize(people);
        return new Round(organisation, campaign, invitations);
    }

    /** Waits until the workers applied every stored record; answers how long that took. */
    private Duration awaitInboxApplied() throws InterruptedException {
        Instant start = Instant.now();
        Awaitility.await("webhook inbox drained").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(100))
                .until(() -> pendingInInbox() == 0);
        return Duration.between(start, Instant.now());
    }

    private long pendingInInbox() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM webhook_inbox", Long.class);
        return count == null ? 0 : count;
    }

    private List<? extends TrackedEventMessage<?>> deliveries(Predicate<DeliveryRecorded> filter) {
        return new EventLog(eventStorageEngine).messages(DeliveryRecorded.class).stream()
                .filter(m -> filter.test((DeliveryRecorded) m.getPayload()))
                .toList();
    }

    private int storedEventsContaining(String text) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE position(? IN payload) > 0 "
                + "OR position(? IN metadata) > 0", Integer.class, text.getBytes(StandardCharsets.UTF_8),
                text.getBytes(StandardCharsets.UTF_8));
        return count == null ? 0 : count;
    }

    private double count(String provider, String outcome) {
        Counter counter = meters.find("wrt.webhooks.events").tags("provider", provider, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private HttpResponse<String> postmark(String body) throws Exception {
        return send("/webhooks/email/postmark", body, Map.of("Authorization", POSTMARK_AUTH));
    }

    /** Signed as SendGrid signs each attempt: over a fresh timestamp and the exact bytes sent. */
    private HttpResponse<String> sendgrid(String body) throws Exception {
        return send("/webhooks/email/sendgrid", body, sendGridHeaders(body));
    }

    private static Map<String, String> sendGridHeaders(String body) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return Map.of(
                EmailWebhookController.SIGNATURE_HEADER,
                Fixtures.sign(SENDGRID.getPrivate(), timestamp, body.getBytes(StandardCharsets.UTF_8)),
                EmailWebhookController.TIMESTAMP_HEADER, timestamp);
    }

    private HttpResponse<String> send(String path, String body, Map<String, String> headers) throws Exception {
        return http.send(request(path, body, headers), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(3))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return request.build();
    }
}
