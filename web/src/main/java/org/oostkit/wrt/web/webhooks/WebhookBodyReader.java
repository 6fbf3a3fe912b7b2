package org.oostkit.wrt.web.webhooks;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.CoyoteInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads a webhook body of at most {@code maxBytes} within {@code deadline}, without holding a server thread
 * while it arrives: on the embedded Tomcat with a servlet {@link ReadListener} (asynchronous, non-blocking),
 * so clients that trickle a body byte by byte wait on the selector, not on a worker thread. A declared
 * length over the cap is refused before a byte is read; a chunked body is refused as soon as it passes the
 * cap. Containers without non-blocking input (MockMvc in tests) are read blocking, with the same cap.
 */
final class WebhookBodyReader {

    /** What to do with the body once it is complete, or with the refusal when it is not. */
    interface Handler {

        void body(byte[] body, HttpServletResponse response) throws IOException;

        void refused(Refusal refusal, HttpServletResponse response) throws IOException;
    }

    enum Refusal { TOO_LARGE, TOO_SLOW, UNREADABLE }

    private static final Logger log = LoggerFactory.getLogger(WebhookBodyReader.class);

    private final int maxBytes;
    private final Duration deadline;

    WebhookBodyReader(long maxBytes, Duration deadline) {
        this.maxBytes = Math.toIntExact(maxBytes);
        this.deadline = deadline;
    }

    int maxBytes() {
        return maxBytes;
    }

    void read(HttpServletRequest request, HttpServletResponse response, Handler handler) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            handler.refused(Refusal.TOO_LARGE, response);
            return;
        }
        ServletInputStream in = request.getInputStream();
        if (!(in instanceof CoyoteInputStream) || !request.isAsyncSupported()) {
            readBlocking(in, response, handler);
            return;
        }
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(deadline.toMillis());
        Reading reading = new Reading(async, in, handler);
        async.addListener(reading);
        in.setReadListener(reading);
    }

    private void readBlocking(InputStream in, HttpServletResponse response, Handler handler) throws IOException {
        byte[] body = in.readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            handler.refused(Refusal.TOO_LARGE, response);
        } else {
            handler.body(body, response);
        }
    }

    /** One body arriving; whichever comes first (complete, too large, too slow, broken) answers, once. */
    private final class Reading implements ReadListener, AsyncListener {

        private final AsyncContext async;
        private final ServletInputStream in;
        private final Handler handler;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final byte[] buffer = new byte[8192];
        private final AtomicBoolean answered = new AtomicBoolean();

        Reading(AsyncContext async, ServletInputStream in, Handler handler) {
            this.async = async;
            this.in = in;
            this.handler = handler;
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (!answered.get() && in.isReady()) {
                int read = in.read(buffer);
                if (read < 0) {
                    return; // onAllDataRead follows
                }
                if (body.size() + read > maxBytes) {
                    answer(Refusal.TOO_LARGE, null);
                    return;
                }
                body.write(buffer, 0, read);
            }
        }

        @Override
        public void onAllDataRead() {
            answer(null, body.toByteArray());
        }

        @Override
        public void onError(Throwable failure) {
            log.debug("Webhook body could not be read: {}", failure.toString());
            answer(Refusal.UNREADABLE, null);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            answer(Refusal.TOO_SLOW, null);
        }

        @Override
        public void onError(AsyncEvent event) {
            answer(Refusal.UNREADABLE, null);
        }

        @Override
        public void onComplete(AsyncEvent event) {
            answered.set(true);
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not restarted
        }

        private void answer(Refusal refusal, byte[] complete) {
            if (!answered.compareAndSet(false, true)) {
                return;
            }
            HttpServletResponse response = (HttpServletResponse) async.getResponse();
            try {
                if (refusal == null) {
                    handler.body(complete, response);
                } else {
                    handler.refused(refusal, response);
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Webhook answer could not be written: {}", e.toString());
            } finally {
                async.complete();
            }
        }
    }
}
