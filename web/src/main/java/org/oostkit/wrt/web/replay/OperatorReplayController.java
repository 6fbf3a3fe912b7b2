package org.oostkit.wrt.web.replay;

import org.oostkit.wrt.api.common.Rule;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.query.api.OrganisationView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/**
 * The operator's replay API (behind the operator bearer key). {@code POST /api/operator/replay} with
 * {@code {"organisation": "<slug>"}} rebuilds one organisation's read models, with {@code null} (or no body)
 * all of them: 202 and the job's progress, 409 while another replay runs, 404 for an unknown slug.
 * {@code GET /api/operator/replay/{id}} answers the progress as JSON, or, asked for {@code text/html}, as a
 * page that refreshes itself every two seconds until the replay ends.
 */
@RestController
@RequestMapping("/api/operator/replay")
class OperatorReplayController {

    private final Replays replays;

    OperatorReplayController(Replays replays) {
        this.replays = replays;
    }

    /** The request body; every field optional. */
    record ReplayRequest(String organisation) {
    }

    @PostMapping(produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<?> start(@RequestBody(required = false) ReplayRequest request) {
        String slug = request == null || request.organisation() == null || request.organisation().isBlank()
                ? null : request.organisation().strip();
        OrganisationView organisation = null;
        if (slug != null) {
            organisation = replays.organisation(slug).orElse(null);
            if (organisation == null) {
                return problem(HttpStatus.NOT_FOUND, "Unknown organisation", "No organisation has the slug '"
                        + slug + "'.");
            }
        }
        try {
            ReplayProgress started = replays.start(organisation);
            return ResponseEntity.accepted().location(URI.create("/api/operator/replay/" + started.id()))
                    .body(started);
        } catch (RuleViolation e) {
            if (e.violated() == Rule.REPLAY_RUNNING) {
                return problem(HttpStatus.CONFLICT, "A replay is running", e.getMessage());
            }
            throw e;
        }
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> progress(@PathVariable UUID id) {
        return replays.find(id).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "Unknown replay",
                        "This instance knows no replay " + id + "."));
    }

    @GetMapping(path = "/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(@PathVariable UUID id, jakarta.servlet.http.HttpServletResponse response) {
        ReplayProgress progress = replays.find(id).orElse(null);
        ModelAndView page = new ModelAndView("operator/replay");
        page.addObject("title", "Replay");
        if (progress == null) {
            page.setStatus(HttpStatus.NOT_FOUND);
            page.addObject("flash", Map.of("kind", "error", "message", "This instance knows no replay " + id + "."));
            return page;
        }
        page.addObject("replay", progress);
        page.addObject("line", progress.line());
        page.addObject("running", !progress.finished());
        if (!progress.finished()) {
            response.setHeader("Refresh", "2"); // the layout's head is shared; browsers honour the header alike
        }
        page.addObject("failed", "FAILED".equals(progress.status()));
        page.addObject("remaining", progress.remainingSeconds() == null ? "–"
                : ReplayProgress.humane(progress.remainingSeconds()));
        return page;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
