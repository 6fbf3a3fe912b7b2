package org.oostkit.wrt.web.round;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationBySlug;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.time.LocalTimes;
import org.oostkit.wrt.web.campaign.AdminPages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Adds to the round page when an admin sent someone the invitation again or reminded everyone now, and who, as
 * the mail policy keeps it; kept apart from the round controllers, which only render the page.
 */
@Configuration
class RoundMailActivity implements WebMvcConfigurer, HandlerInterceptor {

    static final String VIEW = "round/round";
    private static final int SHOWN = 50;

    // a provider: web slices (@WebMvcTest) load this configuration without a database
    private final ObjectProvider<JdbcTemplate> jdbcProvider;
    private final ObjectProvider<AdminPages> pagesProvider;

    RoundMailActivity(ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<AdminPages> pages) {
        this.jdbcProvider = jdbc;
        this.pagesProvider = pages;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/org/*/campaigns/*/rounds/*");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView view) {
        if (view == null || !VIEW.equals(view.getViewName())
                || !(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> vars)) {
            return;
        }
        JdbcTemplate jdbc = jdbcProvider.getIfAvailable();
        AdminPages pages = pagesProvider.getIfAvailable();
        if (jdbc == null || pages == null) {
            return;
        }
        UUID campaign;
        int number;
        try {
            campaign = UUID.fromString(String.valueOf(vars.get("id")));
            number = Integer.parseInt(String.valueOf(vars.get("number")));
        } catch (IllegalArgumentException e) {
            return;
        }
        ZoneId zone = zone(pages, String.valueOf(vars.get("slug")), campaign);
        if (zone == null) {
            return;
        }
        List<Action> actions = jdbc.query("""
                SELECT a.action, a.actor, a.occurred_at, p.name, p.email
                FROM mail_admin_action a
                JOIN mail_round r ON r.round_id = a.round_id
                LEFT JOIN mail_recipient p ON p.invitation_id = a.invitation_id
                WHERE r.campaign_id = ? AND r.round_number = ?
                ORDER BY a.occurred_at DESC, a.id DESC LIMIT ?
                """, (rs, i) -> {
                    boolean resend = "RESEND".equals(rs.getString("action"));
                    String name = rs.getString("name");
                    String email = rs.getString("email");
                    String actor = rs.getString("actor");
                    return new Action(LocalTimes.shortMoment(rs.getTimestamp("occurred_at").toInstant(), zone,
                            AdminLanguage.locale()), resend
                            ? AdminLanguage.text("activity.resent", name == null || name.isBlank()
                                    ? (email == null ? AdminLanguage.text("activity.somebody") : email)
                                    : name + " (" + email + ")")
                            : AdminLanguage.text("activity.reminded"),
                            actor.startsWith("admin:") ? actor.substring("admin:".length()) : actor);
                }, campaign, number, SHOWN);
        view.addObject("mailActivity", actions);
        view.addObject("hasMailActivity", !actions.isEmpty());
    }

    /** The campaign's zone, as the rest of the round page shows times; null when it is not to be found. */
    private static ZoneId zone(AdminPages pages, String slug, UUID campaignId) {
        OrganisationView organisation = pages.query(new FindOrganisationBySlug(slug), OrganisationView.class);
        CampaignView campaign = organisation == null ? null
                : pages.query(new FindCampaign(organisation.organisationId(), new CampaignId(campaignId)),
                        CampaignView.class);
        return campaign == null ? null : pages.zone(organisation, campaign);
    }

    /** A mail action an admin took on the round: when, what and by whom. */
    record Action(String at, String what, String by) {
    }
}
