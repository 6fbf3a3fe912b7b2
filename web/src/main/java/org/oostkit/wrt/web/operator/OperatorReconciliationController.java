package org.oostkit.wrt.web.operator;

import org.oostkit.wrt.adapters.jobs.RoundReconciliation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The operator API for the reconciliation of rounds ({@link RoundReconciliation}). Behind {@link OperatorKeyFilter}. */
@RestController
@RequestMapping(path = "/api/operator/reconciliation", produces = "application/json")
class OperatorReconciliationController {

    private final RoundReconciliation reconciliation;

    OperatorReconciliationController(RoundReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    /** The rounds watched now; {@code drifting} lists those that disagree. */
    @GetMapping
    Map<String, Object> check() {
        List<RoundReconciliation.Report> reports = reconciliation.check();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("roundsChecked", reports.size());
        answer.put("drifting", reports.stream().filter(RoundReconciliation.Report::drift)
                .map(OperatorReconciliationController::describe).toList());
        return answer;
    }

    @GetMapping("/rounds/{roundId}")
    Map<String, Object> round(@PathVariable UUID roundId) {
        return describe(reconciliation.round(roundId));
    }

    static Map<String, Object> describe(RoundReconciliation.Report report) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("organisationId", report.organisationId().toString());
        view.put("campaignId", report.campaignId().toString());
        view.put("roundId", report.roundId().toString());
        view.put("recorded", report.recorded());
        view.put("outboxRows", report.outboxRows());
        view.put("contactRows", report.contactRows());
        view.put("handedOver", report.handedOver());
        view.put("pending", report.pending());
        view.put("notSent", report.notSent());
        view.put("drift", report.drift());
        view.put("problems", report.problems());
        return view;
    }

    @ExceptionHandler(RoundReconciliation.UnknownRound.class)
    ResponseEntity<ProblemDetail> unknown(RoundReconciliation.UnknownRound e) {
        return problem(HttpStatus.NOT_FOUND, "Round not found", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> malformed() {
        return problem(HttpStatus.BAD_REQUEST, "Invalid round id", "A round id is a UUID.");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
