package org.oostkit.wrt.web.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses to start with a key that is public (the embedded defaults of application.yml, the former fixed keys
 * of docker-compose.yml): anyone could decrypt the stored addresses and forge tokens with it. Only a run
 * whose base URL is on this machine (the embedded demo configuration) may use them, with a warning.
 */
@Component
class DevelopmentKeysGuard {

    static final String DEV_MASTER_KEY = "ZGV2LW9ubHktbWFzdGVyLWtleS0tY2hhbmdlLW1lISE=";
    static final String DEV_HMAC_KEY = "ZGV2LW9ubHktaG1hYy1rZXktLS0tY2hhbmdlLW1lISE=";
    /** Published in docker-compose.yml up to issue 12: as public as the embedded ones. */
    static final String COMPOSE_MASTER_KEY = "Y29tcG9zZS1vbmx5LW1hc3Rlci1rZXktY2hhbmdlISE=";
    static final String COMPOSE_HMAC_KEY = "Y29tcG9zZS1vbmx5LWhtYWMta2V5LS0tY2hhbmdlISE=";
    private static final Set<String> KNOWN = Set.of(DEV_MASTER_KEY, DEV_HMAC_KEY, COMPOSE_MASTER_KEY, COMPOSE_HMAC_KEY);
    private static final Logger log = LoggerFactory.getLogger(DevelopmentKeysGuard.class);

    DevelopmentKeysGuard(@Value("${wrt.security.master-key:}") String masterKey,
                         @Value("${wrt.security.hmac-key:}") String hmacKey,
                         @Value("${wrt.base-url}") String baseUrl) {
        Map<String, String> keys = Map.of("WRT_MASTER_KEY", masterKey.strip(), "WRT_HMAC_KEY", hmacKey.strip());
        Set<String> known = new TreeSet<>();
        keys.forEach((variable, key) -> {
            if (KNOWN.contains(key)) {
                known.add(variable);
            }
        });
        if (known.isEmpty()) {
            return;
        }
        if (!loopback(baseUrl)) {
            throw new PublicKeysRefused(known, baseUrl);
        }
        log.warn("WRT is running with the public DEVELOPMENT keys ({}); this is allowed only on a loopback base URL "
                + "({}). Set WRT_MASTER_KEY and WRT_HMAC_KEY (openssl rand -base64 32) before real people's data "
                + "goes in.", String.join(", ", known), baseUrl);
    }

    /** Whether the base URL names this machine by a loopback name or address (never resolved over DNS). */
    static boolean loopback(String baseUrl) {
        String host;
        try {
            host = URI.create(baseUrl.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) {
            return false;
        }
        if ("localhost".equalsIgnoreCase(host) || host.toLowerCase().endsWith(".localhost")) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("^[0-9.]+$") && !literal.contains(":")) {
            return false; // a name: only DNS could tell, and DNS may lie
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Start-up refused; {@link PublicKeysFailureAnalyzer} turns it into a short report. */
    static final class PublicKeysRefused extends IllegalStateException {

        final Set<String> variables;

        PublicKeysRefused(Set<String> variables, String baseUrl) {
            super("WRT refuses to start: " + String.join(" and ", variables) + (variables.size() == 1 ? " is" : " are")
                    + " set to a published development key, and the base URL (" + baseUrl + ") is not a loopback "
                    + "address. Set WRT_MASTER_KEY and WRT_HMAC_KEY to keys of your own, each from "
                    + "`openssl rand -base64 32`.");
            this.variables = variables;
        }
    }
}
