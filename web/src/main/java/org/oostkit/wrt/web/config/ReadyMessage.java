package org.oostkit.wrt.web.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the server where to open it, how to sign in to the demo and where mail goes. */
@Component
class ReadyMessage {

    private static final Logger log = LoggerFactory.getLogger(ReadyMessage.class);

    private final String baseUrl;
    private final boolean demo;
    private final boolean devMailbox;

    ReadyMessage(@Value("${wrt.base-url}") String baseUrl, @Value("${wrt.demo:false}") boolean demo,
                 @Value("${wrt.mail.smtp.host:}") String smtpHost) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.demo = demo;
        this.devMailbox = smtpHost.isBlank();
    }

    @EventListener
    void onReady(ApplicationReadyEvent ready) {
        if (ready.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            log.info(lines(web.getWebServer().getPort()));
        }
    }

    String lines(int port) {
        StringBuilder text = new StringBuilder("\n\n  WRT is ready: open ").append(baseUrl).append('/');
        if (!baseUrl.matches("https?://[^/]+:" + port)) {
            text.append("  (this server listens on port ").append(port).append(')');
        }
        if (demo) {
            text.append("\n  Demo sign-in: enter admin@demo.local on the sign-in page; the link comes by mail.");
        }
        text.append(devMailbox
                ? "\n  Mail stays on this machine (no SMTP_HOST): read it at " + baseUrl + "/dev/mail\n"
                : "\n  Mail goes out through SMTP_HOST.\n");
        return text.toString();
    }
}
