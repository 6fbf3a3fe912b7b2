package org.oostkit.wrt.web.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The sign-in settings exist in every application context, with or without a web server (the command line
 * runs without one; {@link SecurityConfiguration} only with).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
class AuthConfiguration {
}
