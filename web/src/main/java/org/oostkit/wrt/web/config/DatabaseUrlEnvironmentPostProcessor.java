package org.oostkit.wrt.web.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns {@code DATABASE_URL} ({@code postgres://user:pass@host:port/db?sslmode=…}, as platforms hand it
 * out) into Spring's datasource properties. Explicit {@code SPRING_DATASOURCE_*} settings win.
 */
public class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String DEFAULT_URL = "postgres://postgres@localhost:5432/wrt";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")) {
            return;
        }
        String url = environment.getProperty("DATABASE_URL", DEFAULT_URL);
        environment.getPropertySources().addLast(new MapPropertySource("DATABASE_URL", toSpring(url)));
    }

    static Map<String, Object> toSpring(String databaseUrl) {
        URI uri = URI.create(databaseUrl.strip());
        if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
            throw new IllegalArgumentException("DATABASE_URL must start with postgres:// (got " + uri.getScheme() + ")");
        }
        Map<String, Object> properties = new HashMap<>();
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        properties.put("spring.datasource.url", "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query);
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            String[] parts = userInfo.split(":", 2);
            properties.put("spring.datasource.username", URLDecoder.decode(parts[0], StandardCharsets.UTF_8));
            if (parts.length == 2) {
                properties.put("spring.datasource.password", URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        return properties;
    }
}
