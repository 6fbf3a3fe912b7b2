package org.oostkit.wrt.web.mail;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationBySlug;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.time.LocalTimes;
import org.oostkit.wrt.web.security.OrganisationRoles;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * {@code /org/{slug}/suppressions}: the addresses the organisation no longer mails (why, since when), and the
 * mails that could not be sent (permanent refusals, given-up retries, uncertain after a crash). Admins and
 * auditors; anyone else gets a 404, as for every organisation page.
 */
@Controller
class SuppressionController {

    private final QueryGateway queries;
    private final JdbcTemplate jdbc;

    SuppressionController(QueryGateway queries, JdbcTemplate jdbc) {
        this.queries = queries;
        this.jdbc = jdbc;
    }

    @GetMapping("/org/{slug}/suppressions")
    String suppressions(@PathVariable String slug, Authentication authentication, Model model) {
        if (!OrganisationRoles.canRead(authentication, slug)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        OrganisationView organisation = queries.query(new FindOrganisationBySlug(slug),
                ResponseTypes.instanceOf(OrganisationView.class)).join();
        if (organisation == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        ZoneId zone = organisation.timeZone();
        List<Map<String, Object>> suppressed = jdbc.query("""
                SELECT email, reason, occurred_at FROM mail_suppression
                WHERE organisation_id = ? ORDER BY occurred_at DESC, email
                """, (rs, i) -> Map.<String, Object>of(
                "email", rs.getString("email"),
                "reason", "SPAM_COMPLAINT".equals(rs.getString("reason")) ? AdminLanguage.text("suppressions.spam")
                        : AdminLanguage.text("suppressions.bounced"),
                "bounced", !"SPAM_COMPLAINT".equals(rs.getString("reason")),
                "at", LocalTimes.shortMoment(rs.getTimestamp("occurred_at").toInstant(), zone, AdminLanguage.locale())),
                organisation.organisationId().value());
        List<Map<String, Object>> undelivered = jdbc.query("""
                SELECT o.purpose, o.status, o.last_error, o.finished_at, o.attempts, p.email, k.name AS campaign
                FROM mail_outbox o
                LEFT JOIN mail_recipient p ON p.invitation_id = o.invitation_id
                LEFT JOIN mail_campaign k ON k.campaign_id = o.campaign_id
                WHERE o.organisation_id = ? AND o.status IN ('failed', 'uncertain')
                ORDER BY o.finished_at DESC LIMIT 500
                """, (rs, i) -> Map.<String, Object>of(
                "email", rs.getString("email") == null ? "(address purged)" : rs.getString("email"),
                "campaign", rs.getString("campaign") == null ? "" : rs.getString("campaign"),
                "purpose", switch (rs.getString("purpose")) {
                    case "REMINDER" -> AdminLanguage.text("preview.kind.reminder");
                    case "SELECTION" -> AdminLanguage.text("suppressions.selection");
                    default -> AdminLanguage.text("preview.kind.invitation");
                },
                "status", "uncertain".equals(rs.getString("status")) ? AdminLanguage.text("suppressions.uncertain")
                        : AdminLanguage.text("suppressions.failed"),
                "reason", rs.getString("last_error") == null ? "" : rs.getString("last_error"),
                "attempts", rs.getInt("attempts"),
                "at", rs.getTimestamp("finished_at") == null ? "" : LocalTimes.shortMoment(
                        rs.getTimestamp("finished_at").toInstant(), zone, AdminLanguage.locale())),
                organisation.organisationId().value());
        model.addAttribute("title", AdminLanguage.text("title.suppressions", organisation.name()));
        model.addAttribute("organisation", Map.of("name", organisation.name(), "slug", organisation.slug()));
        model.addAttribute("suppressed", suppressed);
        model.addAttribute("hasSuppressed", !suppressed.isEmpty());
        model.addAttribute("undelivered", undelivered);
        model.addAttribute("hasUndelivered", !undelivered.isEmpty());
        return "mail/suppressions";
    }
}
