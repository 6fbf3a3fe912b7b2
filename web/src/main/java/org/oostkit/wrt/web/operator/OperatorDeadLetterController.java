package org.oostkit.wrt.web.operator;

import org.oostkit.wrt.query.processing.DeadLetterAdmin;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
 * The operator API for dead letters: events a processor could not apply, parked with what depends on them.
 * List them, retry a letter's sequence (after fixing the cause), retry a whole processor, or evict a letter
 * (the event stays in the event store; this processor will not apply it). Behind {@link OperatorKeyFilter}.
 */
@RestController
@RequestMapping(path = "/api/operator/dead-letters", produces = "application/json")
class OperatorDeadLetterController {

    private static final int MAX_LIST = 1_000;

    private final DeadLetterAdmin admin;

    OperatorDeadLetterController(DeadLetterAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(required = false) String group,
                             @RequestParam(defaultValue = "200") int limit) {
        List<DeadLetterAdmin.Letter> letters = admin.list(group, Math.max(1, Math.min(limit, MAX_LIST)));
        Map<String, Object> queued = new LinkedHashMap<>();
        for (String name : group == null ? admin.groups() : List.of(group)) {
            queued.put(name, (long) admin.queued(name));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("queued", queued);
        answer.put("letters", letters.stream().map(OperatorDeadLetterController::describe).toList());
        return answer;
    }

    @PostMapping("/{group}/retry")
    Map<String, Object> retryAll(@PathVariable String group) {
        int healed = admin.retryAll(group);
        return Map.of("group", group, "sequencesProcessed", healed, "queued", (long) admin.queued(group));
    }

    @PostMapping("/{group}/{eventId}/retry")
    Map<String, Object> retry(@PathVariable String group, @PathVariable String eventId) {
        DeadLetterAdmin.Outcome outcome = admin.retry(group, eventId);
        return Map.of("group", group, "eventId", eventId, "outcome", outcome.name().toLowerCase(),
                "queued", (long) admin.queued(group));
    }

    @DeleteMapping("/{group}/{eventId}")
    Map<String, Object> evict(@PathVariable String group, @PathVariable String eventId) {
        DeadLetterAdmin.Letter letter = admin.evict(group, eventId);
        Map<String, Object> answer = describe(letter);
        answer.put("evicted", true);
        return answer;
    }

    static Map<String, Object> describe(DeadLetterAdmin.Letter letter) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("group", letter.group());
        view.put("sequence", letter.sequence());
        view.put("eventId", letter.eventId());
        view.put("eventType", letter.eventType());
        view.put("organisationId", letter.organisation());
        view.put("enqueuedAt", String.valueOf(letter.enqueuedAt()));
        view.put("lastTried", String.valueOf(letter.lastTouched()));
        view.put("cause", letter.cause());
        return view;
    }

    @ExceptionHandler({DeadLetterAdmin.UnknownGroup.class, DeadLetterAdmin.UnknownLetter.class})
    ResponseEntity<ProblemDetail> notFound(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle(e instanceof DeadLetterAdmin.UnknownGroup ? "Unknown processor" : "Dead letter not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
