package org.oostkit.wrt.web.error;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;

/**
 * Lets code that refuses a request also refuse the rest of its body. Tomcat otherwise reads (and discards)
 * up to {@code server.tomcat.max-swallow-size} of an unread body after the answer, holding a thread for as
 * long as a slow client takes to send it; after {@link #discard}, the answer is sent and the connection closed.
 */
@Configuration(proxyBeanMethods = false)
public class UnreadBody {

    private static final String ATTRIBUTE = UnreadBody.class.getName();

    /** Closes the connection after the answer instead of reading what is left of the body (embedded Tomcat only). */
    public static void discard(ServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof Runnable discard) {
            discard.run();
        }
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> unreadBodies() {
        return factory -> factory.addEngineValves(new DiscardValve());
    }

    /** Offers every request the means to stop Tomcat swallowing its body. */
    static final class DiscardValve extends ValveBase {

        DiscardValve() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            org.apache.coyote.Request coyote = request.getCoyoteRequest();
            request.setAttribute(ATTRIBUTE, (Runnable) () -> coyote.action(ActionCode.DISABLE_SWALLOW_INPUT, null));
            getNext().invoke(request, response);
        }
    }
}
