package org.oostkit.wrt.web.security;

import com.samskivert.mustache.Mustache;
import org.oostkit.wrt.web.metrics.WrtMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rate limits run as a servlet filter in front of Spring Security, so floods are refused before any
 * session, CSRF or sign-in work. On unless {@code wrt.rate-limits.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnProperty(name = "wrt.rate-limits.enabled", havingValue = "true", matchIfMissing = true)
public class RateLimitConfiguration {

    static final int ORDER = -1000; // before Spring Security's filter chain (-100)

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties properties, WrtMetrics metrics,
                                                            ObjectProvider<Mustache.Compiler> mustache) {
        Mustache.Compiler compiler = mustache.getIfAvailable();
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(new RateLimitFilter(
                properties, metrics, compiler == null ? null : new LimitedStepPage(compiler)));
        registration.setOrder(ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
