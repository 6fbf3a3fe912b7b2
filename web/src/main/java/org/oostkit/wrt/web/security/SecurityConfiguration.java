package org.oostkit.wrt.web.security;

import com.samskivert.mustache.Mustache;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.oostkit.wrt.web.operator.OperatorKeyFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.time.Clock;
import java.util.function.Predicate;

/**
 * Web security, in three filter chains:
 * <ul>
 *   <li>{@code /api/operator/**}: the operator's bearer key ({@link OperatorKeyFilter}), stateless, no CSRF;</li>
 *   <li>{@code /webhooks/**}: open here (each provider's endpoint verifies its own signature), stateless, no CSRF;</li>
 *   <li>everything else: public pages (health, assets, sign-in, the nominator flow), organisation pages
 *       authorised per slug ({@link OrganisationAccess}), other pages for anyone signed in; CSRF on every form.</li>
 * </ul>
 * Every answer carries the security headers: a strict Content-Security-Policy (no inline script or style),
 * {@code X-Content-Type-Options}, frame denial, a Referrer-Policy ({@code no-referrer} on the nominator pages,
 * whose addresses carry the invitation token) and HSTS when the request came over TLS.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(AuthProperties.class)
public class SecurityConfiguration {

    static final String NOMINATOR_PAGES = "/org/{slug}/nominate/**";
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain operatorApi(HttpSecurity http, @Value("${wrt.operator.api-key:}") String apiKey)
            throws Exception {
        http.securityMatcher("/api/operator/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(OperatorKeyFilter.AUTHORITY))
                .addFilterBefore(new OperatorKeyFilter(apiKey), AnonymousAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .exceptionHandling(errors -> errors.accessDeniedHandler(SecurityErrorHandlers.accessDenied()));
        headers(http);
        return http.build();
    }

    /**
     * A kept mail's HTML body in the embedded run's dev mailbox: shown in a sandboxed frame of the mailbox
     * page, with the inline styles mail clients allow and nothing else (no scripts, no requests).
     */
    @Bean
    @Order(0)
    SecurityFilterChain devMailBodies(HttpSecurity http) throws Exception {
        http.securityMatcher("/dev/mail/html")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; "
                                + "style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; "
                                + "sandbox allow-popups allow-popups-to-escape-sandbox"))
                        .frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.NO_REFERRER))
                        .withObjectPostProcessor(EAGER_HEADERS));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webhooks(HttpSecurity http) throws Exception {
        http.securityMatcher("/webhooks/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()));
        headers(http);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain web(HttpSecurity http, AuthProperties properties,
                            @Value("${wrt.base-url:http://localhost:8080}") String baseUrl,
                            ObjectProvider<PortalAuthenticator> portal, ObjectProvider<Members> members,
                            ObjectProvider<Clock> clock, ApplicationContext context,
                            ObjectProvider<Mustache.Compiler> mustache) throws Exception {
        PortalLogin portalLogin = properties.portalMode() ? new PortalLogin(properties, baseUrl) : null;
        http.authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers("/health", "/health/**", "/css/**", "/js/**", "/images/**", "/favicon.ico",
                                "/error").permitAll()
                        .requestMatchers("/login", "/login/**").permitAll()
                        .requestMatchers("/org/{slug}/nominate", NOMINATOR_PAGES).permitAll()
                        // the organisation's logo shows on the nominators' pages, which need no sign-in
                        .requestMatchers(HttpMethod.GET, "/org/{slug}/logo.png").permitAll()
                        .requestMatchers("/org/{slug}", "/org/{slug}/**").access(new OrganisationAccess(readOnlyActions(context)))
                        .requestMatchers("/dev/mail", "/dev/mail/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .anyRequest().authenticated())
                .csrf(Customizer.withDefaults())
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(SecurityErrorHandlers.entryPoint(properties, portalLogin))
                        // a nominator's stale form (session ended) gets their own page, in their language
                        .accessDeniedHandler(SecurityErrorHandlers.accessDenied(mustache.getIfAvailable() == null
                                ? null : new NominatorExpiredPage(mustache.getIfAvailable()))))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessHandler((request, response, authentication) -> {
                            if (properties.portalMode()) {
                                portal.ifAvailable(p -> p.forget(PortalAuthenticationFilter.token(request)));
                                response.sendRedirect(properties.portal().loginUrl());
                            } else {
                                response.sendRedirect(request.getContextPath() + "/login?signed-out");
                            }
                        }));
        if (properties.portalMode()) {
            PortalAuthenticator authenticator = portal.getIfAvailable();
            if (authenticator == null) {
                throw new IllegalStateException("AUTH_MODE=portal but no Portal authenticator is configured");
            }
            http.addFilterBefore(new PortalAuthenticationFilter(authenticator), AnonymousAuthenticationFilter.class);
        }
        // absent in test slices that bring their own authentication
        members.ifAvailable(m -> http.addFilterAfter(
                new MembershipRefreshFilter(m, clock.getIfAvailable(Clock::systemUTC)), SecurityContextHolderFilter.class));
        headers(http);
        return http.build();
    }

    /**
     * Whether the request goes to a handler marked {@link ReadOnlyAction}. Asks Spring MVC's own mapping (looked up
     * on first use: it is built after the security chain), so the answer is the handler that would run.
     */
    private static Predicate<HttpServletRequest> readOnlyActions(ApplicationContext context) {
        return request -> {
            try {
                RequestMappingHandlerMapping mapping =
                        context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
                HandlerExecutionChain chain = mapping.getHandler(request);
                return chain != null && chain.getHandler() instanceof HandlerMethod method
                        && method.hasMethodAnnotation(ReadOnlyAction.class);
            } catch (Exception e) {
                return false; // no handler, no exception to the rule
            }
        };
    }

    private static void headers(HttpSecurity http) throws Exception {
        RequestMatcher nominatorPages = PathPatternRequestMatcher.withDefaults().matcher(NOMINATOR_PAGES);
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .contentTypeOptions(Customizer.withDefaults())
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                // nominator addresses carry the invitation token: they must never leave in a Referer header
                .addHeaderWriter((request, response) -> response.setHeader("Referrer-Policy",
                        nominatorPages.matches(request) ? "no-referrer" : "strict-origin-when-cross-origin"))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                        "camera=(), microphone=(), geolocation=(), payment=()"))
                .withObjectPostProcessor(EAGER_HEADERS));
    }

    /**
     * Security headers are written before the request is handled, on its own thread. Written while the filter
     * chain unwinds, they raced a live page's first events, which commit the response from another thread
     * (spring-security#9175 and #15510: corrupted headers on Tomcat, failed tests on MockMvc). A handler's own
     * Cache-Control still replaces the default one.
     */
    private static final ObjectPostProcessor<HeaderWriterFilter> EAGER_HEADERS =
            new ObjectPostProcessor<>() {
                @Override
                public <O extends HeaderWriterFilter> O postProcess(O filter) {
                    filter.setShouldWriteHeadersEagerly(true);
                    return filter;
                }
            };
}
