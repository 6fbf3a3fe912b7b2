package org.oostkit.wrt.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Per-client-IP rate limits with Resilience4j: one limiter per (limit, address), {@code n} requests per
 * minute, no waiting. A refused request gets 429 with {@code Retry-After} (for a nominator's step the page
 * that keeps what was typed, {@link LimitedStepPage}; otherwise the error page, or a problem document for API
 * clients) and is counted in {@code wrt.rate.limited{limit=…}}. Limiters live in a bounded
 * cache that forgets addresses not seen for a while, so a flood of addresses cannot grow memory without end.
 * Webhooks (the provider endpoints limit themselves and must not drop authenticated deliveries), health
 * checks and static assets are not limited.
 */
class RateLimitFilter extends OncePerRequestFilter {

    static final String SIGN_IN = "sign-in";
    static final String CODE_REQUEST = "code-request";
    static final String CODE_VERIFY = "code-verify";
    static final String SUBMIT = "submit";
    static final String GENERAL = "general";

    private static final Duration PERIOD = Duration.ofMinutes(1);
    private static final Pattern REQUEST_LINK = Pattern.compile("^/org/[^/]+/nominate/(request-link|verify/again)/?$");
    private static final Pattern VERIFY_CODE = Pattern.compile("^/org/[^/]+/nominate/verify/code/?$");
    private static final Pattern SUBMIT_NOMINATIONS = Pattern.compile("^/org/[^/]+/nominate/submit/?$");
    private static final Pattern EXEMPT = Pattern.compile(
            "^/(webhooks/.*|health(/.*)?|css/.*|js/.*|images/.*|favicon\\.ico|actuator/health(/.*)?)$");

    private final Map<String, RateLimiterConfig> configs = new LinkedHashMap<>();
    private final Cache<String, AtomicRateLimiter> limiters;
    private final WrtMetrics metrics;
    private final LimitedStepPage limitedStep;

    /** {@code limitedStep}: the page for a nominator's refused step, or null to answer it like any other. */
    RateLimitFilter(RateLimitProperties properties, WrtMetrics metrics, LimitedStepPage limitedStep) {
        this.metrics = metrics;
        this.limitedStep = limitedStep;
        configs.put(SIGN_IN, perMinute(properties.signIn()));
        configs.put(CODE_REQUEST, perMinute(properties.codeRequest()));
        configs.put(CODE_VERIFY, perMinute(properties.codeVerify()));
        configs.put(SUBMIT, perMinute(properties.submit()));
        configs.put(GENERAL, perMinute(properties.general()));
        // idle longer than a period means a fresh limiter would allow the same: forgetting it loses nothing
        this.limiters = Caffeine.newBuilder().maximumSize(properties.maxClients())
                .expireAfterAccess(PERIOD.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS).build();
    }

    private static RateLimiterConfig perMinute(int requests) {
        return RateLimiterConfig.custom().limitForPeriod(requests).limitRefreshPeriod(PERIOD)
                .timeoutDuration(Duration.ZERO).build();
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
        AtomicRateLimiter limiter = limiters.get(key, k -> new AtomicRateLimiter(k, configs.get(limit)));
        if (limiter.acquirePermission()) {
            chain.doFilter(request, response);
            return;
        }
        metrics.rateLimited(limit);
        long nanos = limiter.getDetailedMetrics().getNanosToWait();
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
        response.setHeader("Retry-After", Long.toString(seconds));
        if (ErrorResponses.wantsJson(request)) {
            ErrorResponses.writeProblem(request, response, HttpStatus.TOO_MANY_REQUESTS,
                    "Too many requests from your address. Try again in " + seconds + " seconds.");
        } else if (limitedStep != null && LimitedStepPage.covers(path)) {
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
