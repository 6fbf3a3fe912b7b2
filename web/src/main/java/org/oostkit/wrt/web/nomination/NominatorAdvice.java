package org.oostkit.wrt.web.nomination;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.oostkit.wrt.api.nomination.NominationCommands;
import org.oostkit.wrt.web.security.SignedInAdvice;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/** What every page of the nominator flow shares: no referrer, no caching, and its problem pages. */
@ControllerAdvice(basePackageClasses = NominatorAdvice.class)
class NominatorAdvice {

    static final String PROBLEM = "nominate/problem";

    /** The link's token is in the address of every page of the flow: never let it leave in a Referer. */
    @ModelAttribute
    void noReferrer(HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
    }

    @ExceptionHandler(NominatorProblem.class)
    ModelAndView problem(NominatorProblem problem, HttpServletRequest request, HttpServletResponse response,
                         Authentication authentication) {
        response.setStatus(problem.status().value());
        ModelAndView page = new ModelAndView(PROBLEM, problem.status());

        page.addAllObjects(problem.values());
        page.addObject("maxNominees", String.valueOf(NominationCommands.MAX_NOMINEES));
        page.addObject(NominatorLanguage.TITLE_KEY, problem.heading());
        page.addObject("heading", problem.heading());
        page.addObject("message", problem.getMessage());
        if (problem.next() != null) {
            page.addObject("next", problem.next());
        }
        if (!problem.named().isEmpty()) {
            page.addObject("named", problem.named());
        }
        // the exception's model starts empty: the layout's sign-out form needs this as on any page
        String signedInAs = SignedInAdvice.signedInAs(authentication);
        if (signedInAs != null) {
            page.addObject("signedInAs", signedInAs);
        }
        // no handler's postHandle runs after an exception: the page is worded here, in the session's language
        NominatorLanguage.words(page.getModel(), NominatorLanguage.remembered(request), request);
        return page;
    }
}
