package org.oostkit.wrt.web.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.oostkit.wrt.api.common.TextRule;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Query and path parameters are held to the same text rule as everything typed into WRT before any handler
 * sees them: a control character, broken surrogate or bidi control (a NUL in {@code ?actor=%00} would fail
 * in PostgreSQL) answers 400 with a clear message instead of reaching a query. Form bodies are left to the
 * forms, which show the message next to the field; the security firewall already refuses such paths.
 */
@Configuration
class RequestTextCheck implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String problem = problem(request);
        if (problem != null) {
            throw new RefusedInput(problem);
        }
        return true;
    }

    /** What is wrong with the request's query or path parameters, as a sentence, or null. */
    static String problem(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                if (name == null || value == null) {
                    return "The address has a broken %-escape in its query; check the link.";
                }
                String problem = check(name, "a parameter name");
                problem = problem != null ? problem : check(value, "the parameter “" + TextRule.visible(name) + "”");
                if (problem != null) {
                    return problem;
                }
            }
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            for (Map.Entry<?, ?> variable : variables.entrySet()) {
                String problem = check(String.valueOf(variable.getValue()), "the address");
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static String check(String text, String label) {
        String problem = new TextRule(label, Integer.MAX_VALUE, false).problem(text);
        return problem == null ? null : TextRule.sentence(problem);
    }

    /** A query part as the servlet container decodes it ({@code +} is a space), or null when malformed. */
    private static String decode(String part) {
        try {
            return UriUtils.decode(part.replace('+', ' '), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** A request parameter no handler may see; answered 400 with {@link #getMessage()}. */
    static final class RefusedInput extends RuntimeException {

        RefusedInput(String message) {
            super(message, null, false, false);
        }
    }
}
