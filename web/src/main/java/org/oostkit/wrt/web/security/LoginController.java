package org.oostkit.wrt.web.security;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.oostkit.wrt.api.common.Emails;
import org.oostkit.wrt.web.metrics.WrtMetrics;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Standalone sign-in: {@code GET /login} asks for an email, {@code POST /login} mails a one-time link to admins
 * and auditors (the same answer for everyone), {@code GET /login/{token}} shows a button (a GET never uses the
 * link: mail scanners open links), {@code POST /login/{token}} signs in. In portal mode {@code /login} sends
 * people to the Portal.
 */
@Controller
class LoginController {

    static final String FORM = "login/form";
    static final String SENT = "login/sent";
    static final String CONFIRM = "login/confirm";
    static final String EXPIRED = "login/expired";

    private final SignInMailer mailer;
    private final SignInLinks links;
    private final Members members;
    private final WrtMetrics metrics;
    private final AuthProperties properties;
    private final PortalLogin portalLogin;
    private final Clock clock;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    LoginController(SignInMailer mailer, SignInLinks links, Members members, WrtMetrics metrics,
                    AuthProperties properties, PortalLogin portalLogin, Clock clock) {
        this.clock = clock;
        this.mailer = mailer;
        this.links = links;
        this.members = members;
        this.metrics = metrics;
        this.properties = properties;
        this.portalLogin = portalLogin;
    }

    @GetMapping("/login")
    String form(Model model, Authentication authentication, HttpServletRequest request) {
        if (properties.portalMode()) {
            return "redirect:" + portalLogin.url("/");
        }
        if (signedIn(authentication)) {
            return "redirect:/";
        }
        model.addAttribute("title", AdminLanguage.text("login.signIn"));
        model.addAttribute("email", "");
        model.addAttribute("signedOut", request.getParameter("signed-out") != null);
        return FORM;
    }

    @PostMapping("/login")
    String request(@RequestParam(name = "email", required = false) String email, Model model) {
        if (properties.portalMode()) {
            return "redirect:" + portalLogin.url("/");
        }
        String normalised = Emails.normalise(email);
        if (normalised == null || normalised.isEmpty() || !Emails.isValid(normalised)) {
            model.addAttribute("title", AdminLanguage.text("login.signIn"));
            model.addAttribute("email", email == null ? "" : email.strip());
            model.addAttribute("emailError", normalised == null || normalised.isEmpty()
                    ? AdminLanguage.text("login.error.empty") : AdminLanguage.text("login.error.invalid"));
            return FORM;
        }
        mailer.requestLink(normalised);
        model.addAttribute("title", AdminLanguage.text("login.sent.heading"));
        model.addAttribute("email", normalised);
        model.addAttribute("validMinutes", properties.signInLinkValidity().toMinutes());
        return SENT;
    }

    @GetMapping("/login/{token}")
    String confirm(@PathVariable String token, Model model) {
        if (properties.portalMode()) {
            return "redirect:" + portalLogin.url("/");
        }
        if (!links.usable(token)) {
            return expired(model);
        }
        model.addAttribute("title", AdminLanguage.text("login.signIn"));
        model.addAttribute("token", token);
        return CONFIRM;
    }

    @PostMapping("/login/{token}")
    String signIn(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        if (properties.portalMode()) {
            return "redirect:" + portalLogin.url("/");
        }
        Optional<String> email = links.consume(token);
        if (email.isEmpty()) {
            return expired(model);
        }
        Authentication authentication = new SignedInMember(email.get(), members.authoritiesOf(email.get()),
                clock.instant());
        // a new session, not only a new id: nothing of an earlier visitor on this browser carries over
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        request.getSession(true);
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(authentication);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
        metrics.signIn("standalone");
        return "redirect:/";
    }

    private String expired(Model model) {
        model.addAllAttributes(Map.of("title", AdminLanguage.text("login.expired.heading")));
        return EXPIRED;
    }

    static boolean signedIn(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
