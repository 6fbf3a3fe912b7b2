package org.oostkit.wrt.web.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Installs {@link TrustedProxyValve} in the embedded Tomcat ({@code server.forward-headers-strategy} is
 * {@code none}, so Tomcat's own RemoteIpValve with its trust in all private ranges is not added).
 */
@Configuration(proxyBeanMethods = false)
class TrustedProxyConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> trustedProxies(
            @Value("${wrt.trusted-proxies:127.0.0.0/8,::1}") String trustedProxies) {
        TrustedProxyValve valve = new TrustedProxyValve(TrustedProxyValve.parse(trustedProxies));
        return factory -> factory.addEngineValves(valve);
    }
}
