package org.oostkit.wrt.web.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Portal mode ({@code AUTH_MODE=portal}): the Portal's cookie signs people in. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "wrt.auth.mode", havingValue = "portal")
class PortalConfiguration {

    @Bean
    PortalAuthenticator portalAuthenticator(AuthProperties properties, Members members) {
        return new PortalAuthenticator(properties.portal(), members);
    }
}
