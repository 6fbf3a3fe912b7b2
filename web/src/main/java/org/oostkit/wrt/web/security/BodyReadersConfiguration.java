package org.oostkit.wrt.web.security;

import org.oostkit.wrt.web.metrics.WrtMetrics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link BodyReadersFilter} first of all filters, so a refused request costs no more than its
 * headers. The total should stay well under {@code server.tomcat.threads.max} (200), leaving threads for
 * pages and health checks.
 */
@Configuration(proxyBeanMethods = false)
class BodyReadersConfiguration {

    @Bean
    FilterRegistrationBean<BodyReadersFilter> bodyReadersFilter(
            @Value("${wrt.request-bodies.max-concurrent:100}") int total,
            @Value("${wrt.request-bodies.max-concurrent-per-client:10}") int perClient, WrtMetrics metrics) {
        FilterRegistrationBean<BodyReadersFilter> registration =
                new FilterRegistrationBean<>(new BodyReadersFilter(total, perClient, metrics));
        registration.setOrder(RateLimitConfiguration.ORDER - 1);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
