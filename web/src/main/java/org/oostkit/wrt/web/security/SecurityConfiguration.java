package org.oostkit.wrt.web.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Baseline web security: public routes (health, assets, sign-in, nominator flow, webhooks, operator API with
 * its own bearer check) and signed-in routes for everything else. Organisation routes are authorised per
 * slug with {@link OrganisationRoles}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/health", "/health/**", "/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/login", "/login/**").permitAll()
                        .requestMatchers("/org/*/nominate/**").permitAll()
                        .requestMatchers("/webhooks/**", "/api/operator/**", "/dev/mail/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/prometheus").permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/webhooks/**", "/api/operator/**"));
        return http.build();
    }
}
