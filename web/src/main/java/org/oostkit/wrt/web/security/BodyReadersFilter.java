package org.oostkit.wrt.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.oostkit.wrt.web.error.ErrorResponses;
import org.oostkit.wrt.web.error.UnreadBody;
import org.oostkit.wrt.web.metrics.WrtMetrics;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how many requests may be reading a body on a server thread at once: in all, and per client address.
 * Tomcat reads form and upload bodies with blocking reads, so clients that trickle a body one byte at a time
 * could otherwise take every thread and stop even {@code /health}. A request over either bound is answered
 * 503 at once and its connection closed without reading the body. Webhooks read their bodies without a thread
 * and are not counted.
 */
class BodyReadersFilter extends OncePerRequestFilter {

    private final Semaphore total;
    private final int perClient;
    private final Cache<String, Semaphore> clients;
    private final WrtMetrics metrics;

    BodyReadersFilter(int total, int perClient, WrtMetrics metrics) {
        this.total = new Semaphore(total);
        this.perClient = perClient;
        this.clients = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(10, TimeUnit.MINUTES).build();
        this.metrics = metrics;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        boolean body = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        return !body || request.getRequestURI().startsWith(request.getContextPath() + "/webhooks/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Semaphore client = clients.get(request.getRemoteAddr(), address -> new Semaphore(perClient));
        if (!client.tryAcquire()) {
            refuse(request, response);
            return;
        }
        try {
            if (!total.tryAcquire()) {
                refuse(request, response);
                return;
            }
            try {
                chain.doFilter(request, response);
            } finally {
                total.release();
            }
        } finally {
            client.release();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        metrics.rateLimited("body-readers");
        UnreadBody.discard(request);
        response.setHeader("Retry-After", "5");
        if (ErrorResponses.wantsJson(request)) {
            ErrorResponses.writeProblem(request, response, HttpStatus.SERVICE_UNAVAILABLE,
                    "Too many requests are being sent just now. Try again in a few seconds.");
        } else {
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
        }
    }

    /** Only requests, never their error dispatches, hold a place. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }
}
