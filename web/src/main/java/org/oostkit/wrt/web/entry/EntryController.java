package org.oostkit.wrt.web.entry;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.oostkit.wrt.api.common.Emails;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationsOfMember;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.web.security.OrganisationRoles;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /}: a signed-in person with no organisation gets an explanation; with one organisation that is
 * not active, an explanation of that; with one active organisation the landing page (once, unless they tick
 * "don't show again", kept in a cookie for a year) and then {@code /org/{slug}/manage}; with several, a
 * chooser. Anonymous visitors never get here (security sends them to sign in).
 */
@Controller
class EntryController {

    static final String SKIP_COOKIE = "wrt_skip_landing";
    static final String NO_ORGANISATION = "entry/no-organisation";
    static final String INACTIVE = "entry/inactive";
    static final String LANDING = "entry/landing";
    static final String CHOOSE = "entry/choose";

    private final QueryGateway queries;

    EntryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/")
    String entry(Authentication authentication, Model model,
                 @CookieValue(name = SKIP_COOKIE, required = false) String skipLanding) {
        List<OrganisationView> organisations = organisationsOf(authentication);
        if (organisations.isEmpty()) {
            model.addAttribute("title", AdminLanguage.text("entry.none.heading"));
            model.addAttribute("email", authentication.getName());
            return NO_ORGANISATION;
        }
        if (organisations.size() > 1) {
            List<Described> choices = organisations.stream().map(o -> Described.of(o, authentication)).toList();
            model.addAttribute("title", AdminLanguage.text("entry.choose.heading"));
            model.addAttribute("organisations", choices);
            return CHOOSE;
        }
        OrganisationView organisation = organisations.get(0);
        if (!organisation.isActive()) {
            model.addAttribute("title", AdminLanguage.text("entry.inactive.title"));
            model.addAttribute("organisation", Described.of(organisation, authentication));
            return INACTIVE;
        }
        if ("1".equals(skipLanding)) {
            return "redirect:/org/" + organisation.slug() + "/manage";
        }
        model.addAttribute("title", AdminLanguage.text("entry.welcome"));
        model.addAttribute("organisation", Described.of(organisation, authentication));
        return LANDING;
    }

    /** The landing page's continue button; with "don't show again" ticked, remembers that for a year. */
    @PostMapping("/dismiss-landing")
    String dismiss(Authentication authentication, @RequestParam(name = "slug", required = false) String slug,
                   @RequestParam(name = "skip", required = false) String skip,
                   HttpServletRequest request, HttpServletResponse response) {
        if (slug == null || !OrganisationRoles.canRead(authentication, slug)) {
            return "redirect:/";
        }
        if (skip != null) {
            ResponseCookie cookie = ResponseCookie.from(SKIP_COOKIE, "1").path("/").maxAge(Duration.ofDays(365))
                    .httpOnly(true).secure(request.isSecure()).sameSite("Lax").build();
            response.addHeader("Set-Cookie", cookie.toString());
        }
        return "redirect:/org/" + slug + "/manage";
    }

    /** The organisations this person holds a role in, as they stand now (status from the registry). */
    private List<OrganisationView> organisationsOf(Authentication authentication) {
        List<OrganisationView> found = queries.query(new FindOrganisationsOfMember(Emails.normalise(authentication.getName())),
                ResponseTypes.multipleInstancesOf(OrganisationView.class)).join();
        List<OrganisationView> granted = new ArrayList<>();
        for (OrganisationView organisation : found) {
            // the session's roles decide access; a membership added since sign-in shows after signing in again
            if (OrganisationRoles.canRead(authentication, organisation.slug())) {
                granted.add(organisation);
            }
        }
        return granted;
    }

    /** An organisation as the entry pages describe it: its status and the signed-in person's role in it. */
    record Described(String slug, String name, boolean active, String status, String role, String manageUrl) {

        static Described of(OrganisationView organisation, Authentication authentication) {
            return new Described(organisation.slug(), organisation.name(), organisation.isActive(),
                    organisation.status().name().toLowerCase(),
                    OrganisationRoles.isAdmin(authentication, organisation.slug()) ? "admin" : "auditor",
                    "/org/" + organisation.slug() + "/manage");
        }
    }
}
