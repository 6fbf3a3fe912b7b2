package org.oostkit.wrt.web.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.oostkit.wrt.adapters.webhooks.DeliveryReports;
import org.oostkit.wrt.adapters.webhooks.MalformedPayload;
import org.oostkit.wrt.adapters.webhooks.PostmarkCredentials;
import org.oostkit.wrt.adapters.webhooks.PostmarkPayload;
import org.oostkit.wrt.adapters.webhooks.ProviderReport;
import org.oostkit.wrt.adapters.webhooks.SendGridPayload;
import org.oostkit.wrt.adapters.webhooks.SendGridSignature;
import org.oostkit.wrt.adapters.webhooks.SendGridSignature.Verdict;
import org.oostkit.wrt.adapters.webhooks.WebhookInbox;
import org.oostkit.wrt.adapters.webhooks.WebhookProperties;
import org.oostkit.wrt.web.error.UnreadBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code POST /webhooks/email/postmark} and {@code /webhooks/email/sendgrid}. Credentials in headers are
 * checked before the body is read; the body is read without blocking a server thread, at most 1 MB
 * ({@link WebhookBodyReader}), and authenticated as raw bytes before it is parsed. Failed authentication is 401, never 403 (Postmark stops retrying on
 * 403, so a passing misconfiguration would lose events for good). An accepted request is answered 200 once
 * its records are stored in the {@link WebhookInbox}; records that can never apply are counted and
 * ignored; a failure to store is 503, so the provider retries.
 */
@RestController
@RequestMapping("/webhooks/email")
class EmailWebhookController {

    static final String SIGNATURE_HEADER = "X-Twilio-Email-Event-Webhook-Signature";
    static final String TIMESTAMP_HEADER = "X-Twilio-Email-Event-Webhook-Timestamp";

    private static final Logger log = LoggerFactory.getLogger(EmailWebhookController.class);

    private final PostmarkCredentials postmark;
    private final SendGridSignature sendgrid;
    private final WebhookRateLimiter limiter;
    private final WebhookBodyReader bodies;
    private final DeliveryReports reports;
    private final WebhookInbox inbox;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final Clock clock;

    EmailWebhookController(WebhookProperties properties, DeliveryReports reports, WebhookInbox inbox, ObjectMapper json,
                           MeterRegistry meters, Clock clock) {
        this.postmark = new PostmarkCredentials(properties.postmark().username(), properties.postmark().password());
        this.sendgrid = new SendGridSignature(properties.sendgrid().publicKey(), properties.sendgrid().maxAge(), clock);
        this.limiter = new WebhookRateLimiter(properties.rateLimit().unauthenticatedPerMinute());
        this.bodies = new WebhookBodyReader(properties.body().maxSize().toBytes(), properties.body().readTimeout());
        this.reports = reports;
        this.inbox = inbox;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
        if (!postmark.configured()) {
            log.warn("POSTMARK_WEBHOOK_USERNAME/PASSWORD unset: /webhooks/email/postmark refuses every request");
        }
        if (!sendgrid.configured()) {
            log.warn("SENDGRID_WEBHOOK_PUBLIC_KEY unset: /webhooks/email/sendgrid refuses every request");
        }
    }

    /** Credentials first: a request without them is answered before its body is read. */
    @PostMapping("/postmark")
    void postmark(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!postmark.accept(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            write(response, unauthenticated(PostmarkPayload.PROVIDER, request, postmark.configured()
                    ? "The webhook credentials are missing or wrong."
                    : "This endpoint is not configured."));
            return;
        }
        bodies.read(request, response, answer(request, PostmarkPayload.PROVIDER,
                body -> handle(PostmarkPayload.PROVIDER, () -> List.of(PostmarkPayload.read(json, body, clock.instant())))));
    }

    /** The signature covers the body, so only the headers (present, fresh) are checked before it is read. */
    @PostMapping("/sendgrid")
    void sendgrid(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String signature = request.getHeader(SIGNATURE_HEADER);
        String timestamp = request.getHeader(TIMESTAMP_HEADER);
        Verdict headers = sendgrid.verifyHeaders(signature, timestamp);
        if (headers != Verdict.VALID) {
            write(response, unauthenticated(SendGridPayload.PROVIDER, request, refusal(headers)));
            return;
        }
        bodies.read(request, response, answer(request, SendGridPayload.PROVIDER, body -> {
            Verdict verdict = sendgrid.verify(signature, timestamp, body);
            if (verdict != Verdict.VALID) {
                return unauthenticated(SendGridPayload.PROVIDER, request, refusal(verdict));
            }
            return handle(SendGridPayload.PROVIDER, () -> SendGridPayload.read(json, body, clock.instant()));
        }));
    }

    private static String refusal(Verdict verdict) {
        return switch (verdict) {
            case NOT_CONFIGURED -> "This endpoint is not configured.";
            case MISSING -> "The event webhook signature or timestamp is missing.";
            case STALE -> "The signed timestamp is too far from now.";
            default -> "The event webhook signature does not match the request.";
        };
    }

    private WebhookBodyReader.Handler answer(HttpServletRequest request, String provider,
                                             Function<byte[], ResponseEntity<?>> handler) {
        return new WebhookBodyReader.Handler() {
            @Override
            public void body(byte[] body, HttpServletResponse response) throws IOException {
                write(response, handler.apply(body));
            }

            @Override
            public void refused(WebhookBodyReader.Refusal refusal, HttpServletResponse response) throws IOException {
                count(provider, switch (refusal) {
                    case TOO_LARGE -> "too-large";
                    case TOO_SLOW -> "too-slow";
                    case UNREADABLE -> "unreadable";
                });
                ResponseEntity<ProblemDetail> problem = switch (refusal) {
                    case TOO_LARGE -> problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large",
                            "A webhook body may have at most " + bodies.maxBytes() + " bytes.");
                    case TOO_SLOW -> problem(HttpStatus.REQUEST_TIMEOUT, "Request timeout",
                            "The webhook body did not arrive in time.");
                    case UNREADABLE -> problem(HttpStatus.BAD_REQUEST, "Unreadable body",
                            "The webhook body could not be read.");
                };
                // the rest of the body is not wanted: the connection closes instead of waiting for it
                UnreadBody.discard(request);
                write(response, problem);
            }
        };
    }

    /** Writes an answer by hand: the body is read asynchronously, outside Spring MVC's return value handling. */
    private void write(HttpServletResponse response, ResponseEntity<?> answer) throws IOException {
        response.setStatus(answer.getStatusCode().value());
        answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        if (answer.getBody() != null) {
            if (response.getContentType() == null) {
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            }
            json.writeValue(response.getOutputStream(), answer.getBody());
        }
    }

    private ResponseEntity<?> handle(String provider, Supplier<List<ProviderReport>> parse) {
        List<ProviderReport> parsed;
        try {
            parsed = parse.get();
        } catch (MalformedPayload e) {
            count(provider, "malformed");
            return problem(HttpStatus.BAD_REQUEST, "Malformed webhook body", e.getMessage());
        }
        List<ProviderReport> actionable = new ArrayList<>(parsed.size());
        for (ProviderReport report : parsed) {
            if (reports.triage(report) == null) {
                actionable.add(report);
            }
        }
        try {
            inbox.store(provider, actionable);
        } catch (RuntimeException e) {
            log.error("{} webhook could not be stored; the provider will retry", provider, e);
            count(provider, "failed");
            ResponseEntity<ProblemDetail> unavailable = problem(HttpStatus.SERVICE_UNAVAILABLE, "Try again later",
                    "The events could not be stored just now.");
            return ResponseEntity.status(unavailable.getStatusCode()).headers(unavailable.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, "60").body(unavailable.getBody());
        }
        count(provider, "accepted");
        return ResponseEntity.ok(new Accepted(parsed.size(), actionable.size(), parsed.size() - actionable.size()));
    }

    /**
     * The answer to an accepted request: how many records came, how many were stored to be applied to their
     * invitations, and how many can never apply (kinds WRT does not track, mails WRT did not send).
     */
    record Accepted(int received, int queued, int ignored) {
    }

    private ResponseEntity<ProblemDetail> unauthenticated(String provider, HttpServletRequest request, String detail) {
        Optional<Duration> wait = limiter.unauthenticated(request.getRemoteAddr());
        if (wait.isPresent()) {
            count(provider, "rate-limited");
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            ResponseEntity<ProblemDetail> tooMany = problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                    "Too many unauthenticated webhook requests from this address.");
            return ResponseEntity.status(tooMany.getStatusCode()).headers(tooMany.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(tooMany.getBody());
        }
        count(provider, "unauthorized");
        ResponseEntity<ProblemDetail> unauthorized = problem(HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
        if (PostmarkPayload.PROVIDER.equals(provider)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).headers(unauthorized.getHeaders())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"wrt-webhooks\"").body(unauthorized.getBody());
        }
        return unauthorized;
    }

    private void count(String provider, String outcome) {
        Counter.builder("wrt.webhooks.requests")
                .description("Email provider webhook requests, by answer")
                .tag("provider", provider)
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
