/**
 * Who may do what. Sign-in: standalone one-time links ({@code /login}, table {@code sign_in_link}) or the
 * Portal's cookie ({@code AUTH_MODE=portal}); both grant the organisation roles of {@link
 * org.oostkit.wrt.web.security.OrganisationRoles}. {@code SecurityConfiguration} holds the filter chains
 * (operator API, webhooks, web), the per-slug authorisation of {@code /org/{slug}/**}, CSRF and the security
 * headers; {@code RateLimitConfiguration} the per-IP rate limits in front of it all.
 */
package org.oostkit.wrt.web.security;
