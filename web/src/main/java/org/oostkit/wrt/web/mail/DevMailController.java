package org.oostkit.wrt.web.mail;

import jakarta.servlet.http.HttpServletRequest;
import org.oostkit.wrt.adapters.mail.DevMailbox;
import org.oostkit.wrt.adapters.mail.MailMessage;
import org.oostkit.wrt.adapters.mail.MailTransport;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /dev/mail}: the mails of the embedded run (no SMTP host), newest first, with both bodies. Not there
 * at all once {@code SMTP_HOST} is set, and answered only to requests from this machine.
 */
@Controller
@ConditionalOnExpression("'${wrt.mail.smtp.host:}'.trim().isEmpty()")
class DevMailController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final MailTransport transport;

    DevMailController(MailTransport transport) {
        this.transport = transport;
    }

    @GetMapping({"/dev/mail", "/dev/mail/"})
    String mailbox(HttpServletRequest request, Model model) {
        // the mails hold working sign-in links and codes: an instance started without SMTP by mistake must
        // not show them to the network
        if (!isLoopback(request.getRemoteAddr())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<Map<String, Object>> mails = new ArrayList<>();
        if (transport instanceof DevMailbox mailbox) {
            int n = 0;
            for (MailMessage mail : mailbox.newestFirst()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("anchor", "mail-" + (++n));
                row.put("kind", mail.kind());
                row.put("to", mail.toName() == null || mail.toName().isBlank() ? mail.to()
                        : mail.toName() + " <" + mail.to() + ">");
                row.put("subject", mail.subject());
                row.put("at", TIME.format(mail.createdAt()));
                row.put("messageId", mail.messageId());
                row.put("headers", mail.headers().entrySet().stream()
                        .map(h -> Map.of("name", h.getKey(), "value", h.getValue())).toList());
                row.put("text", mail.text());
                row.put("htmlHref", "/dev/mail/html?id=" + URLEncoder.encode(mail.messageId(), StandardCharsets.UTF_8));
                mails.add(row);
            }
        }
        model.addAttribute("title", "Dev mailbox");
        model.addAttribute("mails", mails);
        model.addAttribute("count", mails.size());
        model.addAttribute("capacity", DevMailbox.CAPACITY);
        return "mail/dev-mailbox";
    }

    /**
     * One mail's HTML body, for the mailbox page's frame. Served on its own, under a policy of its own
     * (inline styles as mail clients allow them, nothing else; see SecurityConfiguration), because a frame
     * written inline would inherit the page's policy and lose the mail's styles.
     */
    @GetMapping(value = "/dev/mail/html", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> html(@RequestParam String id, HttpServletRequest request) {
        if (!isLoopback(request.getRemoteAddr()) || !(transport instanceof DevMailbox mailbox)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return mailbox.newestFirst().stream().filter(mail -> mail.messageId().equals(id)).findFirst()
                .map(mail -> ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                        .body(mail.html()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
