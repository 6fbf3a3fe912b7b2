package org.oostkit.wrt.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.oostkit.wrt.web.error.ErrorResponses;
import org.oostkit.wrt.web.metrics.WrtMetrics;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Per-client-IP rate limits ({@link ClientBuckets}): one bucket per (limit, address), {@code n} requests per
 * minute, no waiting. A refused request gets 429 with {@code Retry-After} (for a nominator's step the page
 * that keeps what was typed, and for any other nominator page asked for with GET one that asks for it again,
 * {@link LimitedStepPage}, in the nominator's language; otherwise the error page, or a problem document for API
 * clients) and is counted in {@code wrt.rate.limited{limit=…}}.
 * Webhooks (the provider endpoints limit themselves and must not drop authenticated deliveries), health
 * checks and static assets are not limited.
 */
class RateLimitFilter extends OncePerRequestFilter {

    static final String SIGN_IN = "sign-in";
    static final String CODE_REQUEST = "code-request";
    static final String CODE_VERIFY = "code-verify";
    static final String SUBMIT = "submit";
    static final String GENERAL = "general";

    private static final Pattern REQUEST_LINK = Pattern.compile("^/org/[^/]+/nominate/(request-link|verify/again)/?$");
    private static final Pattern VERIFY_CODE = Pattern.compile("^/org/[^/]+/nominate/verify/code/?$");
    private static final Pattern SUBMIT_NOMINATIONS = Pattern.compile("^/org/[^/]+/nominate/submit/?$");
    private static final Pattern EXEMPT = Pattern.compile(
            "^/(webhooks/.*|health(/.*)?|css/.*|js/.*|images/.*|favicon\\.ico|actuator/health(/.*)?)$");

    private final Map<String, Integer> perMinute = new LinkedHashMap<>();
    private final ClientBuckets buckets;
    private final WrtMetrics metrics;
    private final LimitedStepPage limitedStep;

    /** {@code limitedStep}: the page for a nominator's refused step, or null to answer it like any other. */
    RateLimitFilter(RateLimitProperties properties, WrtMetrics metrics, LimitedStepPage limitedStep) {
        this.metrics = metrics;
        this.limitedStep = limitedStep;
        perMinute.put(SIGN_IN, properties.signIn());
        perMinute.put(CODE_REQUEST, properties.codeRequest());
        perMinute.put(CODE_VERIFY, properties.codeVerify());
        perMinute.put(SUBMIT, properties.submit());
        perMinute.put(GENERAL, properties.general());
        this.buckets = new ClientBuckets(properties.maxClients());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = path(request);
        String limit = limitFor(request.getMethod(), path);
        if (limit == null) {
            chain.doFilter(request, response);
            return;
        }
        String key = limit + "|" + request.getRemoteAddr();
        Optional<Duration> wait = buckets.take(key, perMinute.get(limit));
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        metrics.rateLimited(limit);
        long nanos = wait.get().toNanos();
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
        response.setHeader("Retry-After", Long.toString(seconds));
        if (ErrorResponses.wantsJson(request)) {
            ErrorResponses.writeProblem(request, response, HttpStatus.TOO_MANY_REQUESTS,
                    "Too many requests from your address. Try again in " + seconds + " seconds.");
        } else if (limitedStep != null && LimitedStepPage.covers(request.getMethod(), path)) {
            limitedStep.render(request, response, path, seconds);
        } else {
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
        }
    }

    /** The limit a request counts against, or null when it is not limited. */
    static String limitFor(String method, String path) {
        if (EXEMPT.matcher(path).matches()) {
            return null;
        }
        if ("POST".equals(method)) {
            if ("/login".equals(path) || "/login/".equals(path)) {
                return SIGN_IN;
            }
            if (REQUEST_LINK.matcher(path).matches()) {
                return CODE_REQUEST;
            }
            if (VERIFY_CODE.matcher(path).matches()) {
                return CODE_VERIFY;
            }
            if (SUBMIT_NOMINATIONS.matcher(path).matches()) {
                return SUBMIT;
            }
        }
        return GENERAL;
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Error dispatches of a refused request must not count again. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }
}
