package org.oostkit.wrt.web.operator;

import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.OrganisationView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator API: organisations. The bearer key is checked for all of {@code /api/operator/**} by
 * {@link OperatorKeyFilter} before any of this runs.
 */
@RestController
@RequestMapping(path = "/api/operator/organisations", produces = "application/json")
class OperatorApiController {

    private final OperatorOrganisations organisations;

    OperatorApiController(OperatorOrganisations organisations) {
        this.organisations = organisations;
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<Map<String, Object>> register(@RequestBody OperatorOrganisations.NewOrganisation body) {
        OrganisationId id = organisations.register(body);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id.toString());
        answer.put("slug", body.slug().strip());
        return ResponseEntity.created(UriComponentsBuilder.fromPath("/api/operator/organisations/{slug}")
                .build(body.slug().strip())).body(answer);
    }

    @GetMapping
    List<Map<String, Object>> list() {
        return organisations.list().stream().map(OperatorApiController::describe).toList();
    }

    @PostMapping("/{slug}/suspend")
    Map<String, Object> suspend(@PathVariable String slug, @RequestBody(required = false) Map<String, String> body) {
        OrganisationView organisation = organisations.suspend(slug, body == null ? null : body.get("reason"));
        return Map.of("id", organisation.organisationId().toString(), "slug", organisation.slug(), "status", "suspended");
    }

    @PostMapping("/{slug}/activate")
    Map<String, Object> activate(@PathVariable String slug) {
        OrganisationView organisation = organisations.activate(slug);
        return Map.of("id", organisation.organisationId().toString(), "slug", organisation.slug(), "status", "active");
    }

    static Map<String, Object> describe(OrganisationView organisation) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", organisation.organisationId().toString());
        view.put("slug", organisation.slug());
        view.put("name", organisation.name());
        view.put("status", organisation.status().name().toLowerCase());
        view.put("adminEmails", organisation.adminEmails());
        view.put("auditorEmails", organisation.auditorEmails());
        view.put("registeredAt", organisation.registeredAt().toString());
        view.put("timeZone", organisation.timeZone().getId());
        return view;
    }

    @ExceptionHandler(OperatorOrganisations.Invalid.class)
    ResponseEntity<ProblemDetail> invalid(OperatorOrganisations.Invalid e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The organisation was not registered: some fields are invalid.");
        problem.setTitle("Invalid organisation");
        problem.setProperty("errors", e.errors());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The body must be JSON: {\"slug\", \"name\", \"adminEmails\": [...], \"auditorEmails\": [...], "
                        + "\"timeZone\" (optional)}.");
        problem.setTitle("Unreadable request");
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(OperatorOrganisations.SlugTaken.class)
    ResponseEntity<ProblemDetail> taken(OperatorOrganisations.SlugTaken e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Slug taken");
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(OperatorOrganisations.UnknownOrganisation.class)
    ResponseEntity<ProblemDetail> unknown(OperatorOrganisations.UnknownOrganisation e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Organisation not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
