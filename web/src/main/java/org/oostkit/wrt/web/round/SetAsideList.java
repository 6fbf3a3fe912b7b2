package org.oostkit.wrt.web.round;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.query.api.CampaignQueries.FindRoster;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationBySlug;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.api.PersonView;
import org.oostkit.wrt.query.api.RosterView;
import org.oostkit.wrt.web.campaign.AdminPages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Adds the people left out of the next round to the round-start page (its list of who will be asked already
 * leaves them out); kept apart from the round controllers, which only render the page.
 */
@Configuration
class SetAsideList implements WebMvcConfigurer, HandlerInterceptor {

    static final String VIEW = "round/rounds";

    // a provider: web slices (@WebMvcTest) load this configuration without the admin pages' beans
    private final ObjectProvider<AdminPages> pagesProvider;

    SetAsideList(ObjectProvider<AdminPages> pages) {
        this.pagesProvider = pages;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/org/*/campaigns/*/rounds");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView view) {
        if (view == null || !VIEW.equals(view.getViewName())
                || !(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> vars)) {
            return;
        }
        AdminPages pages = pagesProvider.getIfAvailable();
        if (pages == null) {
            return;
        }
        OrganisationView organisation = pages.query(new FindOrganisationBySlug(String.valueOf(vars.get("slug"))),
                OrganisationView.class);
        if (organisation == null) {
            return;
        }
        CampaignId campaign;
        try {
            campaign = new CampaignId(UUID.fromString(String.valueOf(vars.get("id"))));
        } catch (IllegalArgumentException e) {
            return;
        }
        RosterView roster = pages.query(new FindRoster(organisation.organisationId(), campaign), RosterView.class);
        List<AsideRow> aside = roster == null ? List.of() : roster.people().stream()
                .filter(PersonView::setAside).map(AsideRow::of).toList();
        view.addObject("setAside", aside);
        view.addObject("setAsideCount", aside.size());
        view.addObject("hasSetAside", !aside.isEmpty());
    }

    /** Someone left out of the next round, with the admin's note. */
    record AsideRow(String personId, String name, String email, String note) {

        static AsideRow of(PersonView person) {
            return new AsideRow(person.personId().value().toString(), AdminPages.text(person.name()),
                    AdminPages.text(person.email()), AdminPages.text(person.setAsideNote()));
        }
    }
}
