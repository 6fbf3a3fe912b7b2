package org.oostkit.wrt.web.webhooks;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@code wrt.webhooks.*}; on the embedded Tomcat, lets the endpoints refuse an unread body's rest. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> discardWebhookRemainders() {
        return factory -> factory.addEngineValves(new DiscardRemainderValve());
    }
}
