package org.oostkit.wrt.web.error;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One place that decides whether a failed request gets a page or a JSON problem, and what each status says.
 * API clients ({@code /api/**}, {@code /webhooks/**}, {@code /actuator/**}, or asking for JSON and not for
 * HTML) get {@code application/problem+json}; browsers get the error page.
 */
public final class ErrorResponses {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    /**
     * A request attribute set before a 403 is sent for a stale form (a security token that no longer matches):
     * the error page then says the form expired, not that the reader's role is read-only.
     */
    public static final String STALE_FORM = "wrt.error.staleForm";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorResponses() {
    }

    /** Whether the request came from a program rather than a browser. */
    public static boolean wantsJson(HttpServletRequest request) {
        String path = originalPath(request);
        if (path.startsWith("/api/") || path.startsWith("/webhooks/") || path.startsWith("/actuator/")) {
            return true;
        }
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return false;
        }
        String lower = accept.toLowerCase();
        return (lower.contains("application/json") || lower.contains("+json")) && !lower.contains("text/html");
    }

    /** The path the client asked for, also while the container forwards to {@code /error}. */
    public static String originalPath(HttpServletRequest request) {
        Object forwarded = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = forwarded instanceof String s ? s : request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    /** The problem document for a status, with a message meant for the reader. */
    public static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail == null ? message(status) : detail);
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    /** Writes a problem document straight to the response (for filters, before any controller). */
    public static void writeProblem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                                    String detail) throws IOException {
        ProblemDetail problem = problem(status, detail);
        problem.setInstance(URI.create(originalPath(request)));
        response.setStatus(status.value());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", problem.getInstance().toString());
        JSON.writeValue(response.getOutputStream(), body);
    }

    /** The headline of the error page. */
    public static String title(HttpStatus status) {
        switch (status) {
            case NOT_FOUND:
                return AdminLanguage.text("error.title.notFound");
            case FORBIDDEN:
                return AdminLanguage.text("error.title.forbidden");
            case METHOD_NOT_ALLOWED:
                return AdminLanguage.text("error.title.method");
            case TOO_MANY_REQUESTS:
                return AdminLanguage.text("error.title.tooMany");
            case UNAUTHORIZED:
                return AdminLanguage.text("error.title.unauthorized");
            case BAD_REQUEST:
                return AdminLanguage.text("error.title.badRequest");
            default:
                return status.is5xxServerError() ? AdminLanguage.text("error.title.server") : status.getReasonPhrase();
        }
    }

    /** What the reader can do about it. */
    public static String message(HttpStatus status) {
        switch (status) {
            case NOT_FOUND:
                return AdminLanguage.text("error.message.notFound");
            case FORBIDDEN:
                return AdminLanguage.text("error.message.forbidden");
            case METHOD_NOT_ALLOWED:
                return AdminLanguage.text("error.message.method");
            case TOO_MANY_REQUESTS:
                return AdminLanguage.text("error.message.tooMany");
            case UNAUTHORIZED:
                return AdminLanguage.text("error.message.unauthorized");
            case BAD_REQUEST:
                return AdminLanguage.text("error.message.badRequest");
            default:
                return status.is5xxServerError()
                        ? AdminLanguage.text("error.message.server")
                        : status.getReasonPhrase();
        }
    }
}
