package org.oostkit.wrt.web.webhooks;

import org.oostkit.wrt.adapters.webhooks.WebhookInbox;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator API for parked webhook inbox rows: list, put back in line, evict. Behind the operator key
 * filter ({@code /api/operator/**}).
 */
@RestController
@RequestMapping(path = "/api/operator/webhook-inbox", produces = "application/json")
class OperatorWebhookInboxController {

    private final WebhookInbox inbox;

    OperatorWebhookInboxController(WebhookInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/parked")
    Map<String, Object> parked(@RequestParam(defaultValue = "200") int limit) {
        List<Map<String, Object>> rows = inbox.listParked(Math.max(1, Math.min(limit, 1_000))).stream()
                .map(OperatorWebhookInboxController::describe).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("parked", inbox.parked());
        answer.put("rows", rows);
        return answer;
    }

    @PostMapping("/{id}/retry")
    ResponseEntity<?> retry(@PathVariable long id) {
        return inbox.retryParked(id) ? ResponseEntity.ok(Map.of("id", id, "status", "queued")) : notFound(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<?> evict(@PathVariable long id) {
        return inbox.evictParked(id) ? ResponseEntity.ok(Map.of("id", id, "evicted", true)) : notFound(id);
    }

    private static Map<String, Object> describe(WebhookInbox.Parked row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", row.id());
        view.put("provider", row.provider());
        view.put("records", row.records());
        view.put("attempts", row.attempts());
        view.put("receivedAt", row.receivedAt().toString());
        view.put("parkedAt", row.parkedAt().toString());
        view.put("lastError", row.lastError());
        view.put("organisationIds", row.organisations());
        return view;
    }

    private static ResponseEntity<ProblemDetail> notFound(long id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No parked webhook inbox row " + id + ".");
        problem.setTitle("Parked row not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
