package org.oostkit.wrt.web.webhooks;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

import java.io.IOException;

/**
 * Lets the webhook endpoints refuse the rest of a body they will not read. Tomcat otherwise reads (and
 * discards) up to {@code server.tomcat.max-swallow-size} of an unread body after the answer, holding a thread
 * for as long as a slow client takes to send it; with this, the answer is sent and the connection closed.
 */
final class DiscardRemainderValve extends ValveBase {

    /** The request attribute holding a {@link Runnable} that closes the connection after the answer. */
    static final String ATTRIBUTE = DiscardRemainderValve.class.getName();

    DiscardRemainderValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (request.getDecodedRequestURI().startsWith("/webhooks/")) {
            org.apache.coyote.Request coyote = request.getCoyoteRequest();
            request.setAttribute(ATTRIBUTE, (Runnable) () -> coyote.action(ActionCode.DISABLE_SWALLOW_INPUT, null));
        }
        getNext().invoke(request, response);
    }
}
