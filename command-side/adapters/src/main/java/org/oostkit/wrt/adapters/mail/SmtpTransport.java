package org.oostkit.wrt.adapters.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.email.EmailPopulatingBuilder;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.email.EmailBuilder;
import org.simplejavamail.mailer.MailInvalidAddressException;
import org.simplejavamail.mailer.MailSuspiciousCRLFValueException;
import org.simplejavamail.mailer.MailValidationException;
import org.simplejavamail.mailer.MailerBuilder;

import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * Real SMTP through Simple Java Mail, over pooled connections. Failures are sorted into permanent (a 5xx answer, an invalid
 * address, a header Simple Java Mail refuses such as a name with a line break) and temporary (4xx, no connection,
 * time-outs) for the outbox's retry decisions.
 */
class SmtpTransport implements MailTransport, AutoCloseable {

    /** Angus Mail's stream provider, named so that Jakarta Mail need not look it up for every mail part. */
    static final String STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        nameStreamProvider();
    }

    private final Mailer mailer;
    private final String from;
    private final String fromAddress;

    SmtpTransport(MailProperties properties) {
        MailProperties.Smtp smtp = properties.smtp();
        this.from = properties.from();
        this.fromAddress = address(properties.from());
        int timeout = (int) smtp.timeout().toMillis();
        this.mailer = MailerBuilder
                .withSMTPServer(smtp.host(), smtp.port(), blankToNull(smtp.username()), blankToNull(smtp.password()))
                .withTransportStrategy(strategy(smtp.port()))
                .withSessionTimeout(timeout)
                .withProperty("mail.smtp.connectiontimeout", String.valueOf(timeout))
                .withProperty("mail.smtp.timeout", String.valueOf(timeout))
                .withProperty("mail.smtp.writetimeout", String.valueOf(timeout))
                // addresses are validated where they enter WRT (Emails.isValid) and finally by the server;
                // JMail's strict check would also refuse a local sender such as wrt@localhost
                .clearEmailValidator()
                // bodies carry links with tokens and codes: never let the mail library print them
                .withDebugLogging(false)
                // open connections are reused (Simple Java Mail's batch module): one per sender thread at
                // most, closed after a few idle seconds; a thread waits no longer for one than for the server
                .withConnectionPoolCoreSize(0)
                .withConnectionPoolMaxSize(Math.max(1, properties.sender().threads()))
                .withConnectionPoolClaimTimeoutMillis(timeout)
                .withConnectionPoolExpireAfterMillis(5_000)
                .buildMailer();
    }

    /**
     * Jakarta Mail 2.1 finds its {@code StreamProvider} anew for every body part it writes or encodes, and
     * without a system property naming it that means a {@link java.util.ServiceLoader} scan of every jar on the
     * class path: measured at almost half the CPU time of handing a mail to SMTP. The property (the API's own
     * first lookup step) makes it a class lookup; it is set only when nobody chose a provider already and Angus
     * Mail, the implementation on the class path, is there.
     */
    static void nameStreamProvider() {
        String property = jakarta.mail.util.StreamProvider.class.getName();
        if (System.getProperty(property) != null) {
            return;
        }
        try {
            Class.forName(STREAM_PROVIDER, false, SmtpTransport.class.getClassLoader());
            System.setProperty(property, STREAM_PROVIDER);
        } catch (ClassNotFoundException e) {
            // another implementation: leave Jakarta Mail's own lookup in place
        }
    }

    /** 465 is implicit TLS; 587 (and any other port but 25) must upgrade with STARTTLS; 25 and test ports as offered. */
    private static TransportStrategy strategy(int port) {
        if (port == 465) {
            return TransportStrategy.SMTPS;
        }
        if (port == 587) {
            return TransportStrategy.SMTP_TLS;
        }
        return TransportStrategy.SMTP;
    }

    @Override
    public void send(MailMessage message) {
        try {
            EmailPopulatingBuilder builder = EmailBuilder.startingBlank();
            // the campaign's name for the sender, but always the configured address: SPF and DKIM stay valid
            if (message.sender().senderName().isEmpty()) {
                builder.from(from);
            } else {
                builder.from(message.sender().senderName(), fromAddress);
            }
            if (!message.sender().replyTo().isEmpty()) {
                builder.withReplyTo(message.sender().replyTo());
            }
            builder
                    .to(message.toName() == null || message.toName().isBlank() ? null : message.toName(), message.to())
                    .withSubject(message.subject())
                    .withPlainText(message.text())
                    .withHTMLText(message.html())
                    .fixingMessageId(message.messageId());
            if (message.logoPng() != null) {
                builder.withEmbeddedImage(MailMessage.LOGO_CID, message.logoPng(), "image/png");
            }
            for (Map.Entry<String, String> header : message.headers().entrySet()) {
                builder.withHeader(header.getKey(), header.getValue());
            }
            Email email = builder.buildEmail();
            mailer.sendMail(email).join();
        } catch (RuntimeException e) {
            throw classify(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
        }
    }

    static MailDeliveryException classify(Throwable failure) {
        List<Throwable> chain = chain(failure);
        // the server's own reply code decides first; it may sit below a generic SendFailedException
        for (Throwable t : chain) {
            Integer code = returnCode(t);
            if (code != null && code >= 500) {
                return new MailDeliveryException("refused by the mail server: " + firstLine(t), true, false, failure);
            }
            if (code != null && code >= 400) {
                return new MailDeliveryException("deferred by the mail server: " + firstLine(t), false, false, failure);
            }
        }
        boolean unavailable = false;
        for (Throwable t : chain) {
            if (t instanceof MailInvalidAddressException || t instanceof AddressException) {
                return new MailDeliveryException("invalid address", true, false, failure);
            }
            // Simple Java Mail refuses a header with a line break (header injection): the same data fails
            // every time. The reason names no value, as the value may be the person's name.
            if (t instanceof MailSuspiciousCRLFValueException) {
                return new MailDeliveryException("refused before sending: a line break in the recipient's name or "
                        + "another header", true, false, failure);
            }
            if (t instanceof MailValidationException) {
                return new MailDeliveryException("refused before sending: the mail is not valid", true, false, failure);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException
                    || t.getClass().getSimpleName().equals("MailConnectException")) {
                unavailable = true;
            }
        }
        if (unavailable) {
            return new MailDeliveryException("mail server unavailable", false, true, failure);
        }
        for (Throwable t : chain) {
            if (t instanceof SocketTimeoutException) {
                return new MailDeliveryException("mail server timed out", false, false, failure);
            }
        }
        return new MailDeliveryException("mail not accepted: " + firstLine(failure), false, false, failure);
    }

    /** Causes and, for mail exceptions, their chained "next" exceptions (where the SMTP replies are). */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(failure);
        while (!todo.isEmpty() && chain.size() < 20) {
            Throwable t = todo.removeFirst();
            if (chain.contains(t)) {
                continue;
            }
            chain.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof MessagingException messaging && messaging.getNextException() != null) {
                todo.add(messaging.getNextException());
            }
        }
        return chain;
    }

    /** SMTP reply code of Angus Mail's SMTP exceptions (SMTPSendFailedException and friends), if any. */
    private static Integer returnCode(Throwable t) {
        try {
            Method method = t.getClass().getMethod("getReturnCode");
            Object code = method.invoke(t);
            return code instanceof Integer i && i > 0 ? i : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline);
        return message.length() > 300 ? message.substring(0, 300) : message;
    }

    /** The bare address of a configured sender such as {@code WRT <wrt@example.org>}. */
    static String address(String from) {
        try {
            return new jakarta.mail.internet.InternetAddress(from, false).getAddress();
        } catch (AddressException e) {
            return from;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public void close() throws Exception {
        mailer.close();
    }
}
