package org.oostkit.wrt.adapters.mail;

import org.awaitility.Awaitility;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A real SMTP server for tests (GreenMail, in-process) on a port of its own that stays the same across
 * stop and start, so an application can lose its mail server and get it back.
 */
final class SmtpServer {

    private final int port;
    private final boolean catchAll;
    private final AtomicInteger delivered = new AtomicInteger();
    private GreenMail greenMail;

    SmtpServer() {
        this(false);
    }

    /**
     * @param catchAll every mail goes into one mailbox, as a relay's queue would take it, instead of a mailbox
     *                 per recipient: GreenMail looks a new recipient's mailbox up among all others, so 10,000
     *                 recipients would measure GreenMail's quadratic bookkeeping rather than the sender
     */
    SmtpServer(boolean catchAll) {
        this.catchAll = catchAll;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    synchronized SmtpServer start() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            UserManager users = greenMail.getUserManager();
            MessageDeliveryHandler perRecipient = users.getMessageDeliveryHandler();
            GreenMailUser everyone = catchAll ? greenMail.setUser("everyone@smtp.test", "everyone") : null;
            users.setMessageDeliveryHandler((message, address) -> {
                delivered.incrementAndGet();
                return catchAll ? everyone : perRecipient.handle(message, address);
            });
            greenMail.start();
        }
        return this;
    }

    /** Stops the server; the mails it received so far are kept in {@link #received()} no more. */
    synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    /** How many mails (one per recipient) the server has taken since it was created; cheap to poll. */
    int deliveredCount() {
        return delivered.get();
    }

    synchronized List<MimeMessage> received() {
        return greenMail == null ? List.of() : Arrays.asList(greenMail.getReceivedMessages());
    }

    List<MimeMessage> to(String address) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : received()) {
            try {
                for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
                    if (recipient.toString().toLowerCase().contains(address.toLowerCase())) {
                        found.add(message);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    String found = part(body, type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void await(String what, Duration within, BooleanSupplier condition) {
        Awaitility.await(what).atMost(within).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
    }
}
