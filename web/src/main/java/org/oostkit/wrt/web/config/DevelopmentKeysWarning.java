package org.oostkit.wrt.web.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says loudly when the application runs with the development keys of the embedded defaults. */
@Component
class DevelopmentKeysWarning {

    static final String DEV_MASTER_KEY = "ZGV2LW9ubHktbWFzdGVyLWtleS0tY2hhbmdlLW1lISE=";
    static final String DEV_HMAC_KEY = "ZGV2LW9ubHktaG1hYy1rZXktLS0tY2hhbmdlLW1lISE=";
    private static final Logger log = LoggerFactory.getLogger(DevelopmentKeysWarning.class);

    private final String masterKey;
    private final String hmacKey;

    DevelopmentKeysWarning(@Value("${wrt.security.master-key}") String masterKey,
                           @Value("${wrt.security.hmac-key}") String hmacKey) {
        this.masterKey = masterKey;
        this.hmacKey = hmacKey;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnIfDevelopmentKeys() {
        if (DEV_MASTER_KEY.equals(masterKey) || DEV_HMAC_KEY.equals(hmacKey)) {
            log.warn("WRT is running with the DEVELOPMENT keys of the embedded defaults. Set WRT_MASTER_KEY and "
                    + "WRT_HMAC_KEY (openssl rand -base64 32) before real people's data goes in.");
        }
    }
}
