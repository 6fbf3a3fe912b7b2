package org.oostkit.wrt.web.audit;

import org.axonframework.queryhandling.QueryGateway;
import org.oostkit.wrt.api.audit.IntegrityReport;
import org.oostkit.wrt.api.audit.VerifyIntegrity;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.common.NotFound;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationBySlug;
import org.oostkit.wrt.query.api.OrganisationView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;
import java.util.concurrent.CompletionException;

/**
 * The integrity check for operators (behind the operator API's bearer key): the whole store, or one
 * campaign's aggregates. A POST because it is an action that reads the whole store; it changes nothing.
 */
@RestController
class OperatorIntegrityController {

    private final QueryGateway queries;

    OperatorIntegrityController(QueryGateway queries) {
        this.queries = queries;
    }

    @PostMapping("/api/operator/integrity")
    IntegrityResponse wholeStore() {
        return IntegrityResponse.of(queries.query(VerifyIntegrity.wholeStore(), IntegrityReport.class).join());
    }

    @PostMapping("/api/operator/integrity/{slug}/campaigns/{id}")
    ResponseEntity<?> campaign(@PathVariable String slug, @PathVariable String id) {
        UUID campaign;
        try {
            campaign = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return notFound("No campaign " + id + " in organisation " + slug);
        }
        OrganisationView organisation = queries.query(new FindOrganisationBySlug(slug), OrganisationView.class).join();
        if (organisation == null) {
            return notFound("No organisation " + slug);
        }
        try {
            return ResponseEntity.ok(IntegrityResponse.of(queries.query(VerifyIntegrity.campaign(
                    organisation.organisationId(), new CampaignId(campaign)), IntegrityReport.class).join()));
        } catch (CompletionException e) {
            if (isNotFound(e)) {
                return notFound("No campaign " + id + " in organisation " + slug);
            }
            throw e;
        }
    }

    static boolean isNotFound(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NotFound || t.getMessage() != null && t.getMessage().contains("not found")) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<ProblemDetail> notFound(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
