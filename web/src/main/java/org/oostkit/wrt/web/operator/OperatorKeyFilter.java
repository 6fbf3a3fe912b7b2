package org.oostkit.wrt.web.operator;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.oostkit.wrt.web.error.ErrorResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Guards all of {@code /api/operator/**}: without a configured {@code OPERATOR_API_KEY} the API does not
 * exist (404); a missing or wrong bearer key gets 401. The key is compared in constant time over SHA-256
 * digests, so neither its content nor its length leaks through timing.
 */
public class OperatorKeyFilter extends OncePerRequestFilter {

    /** The authority of a request that presented the operator key. */
    public static final String AUTHORITY = "operator";

    private final byte[] expectedDigest;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    public OperatorKeyFilter(String apiKey) {
        this.expectedDigest = apiKey == null || apiKey.isBlank() ? null : digest(apiKey.strip());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (expectedDigest == null) {
            ErrorResponses.writeProblem(request, response, HttpStatus.NOT_FOUND,
                    "The operator API is switched off (no OPERATOR_API_KEY).");
            return;
        }
        String header = request.getHeader("Authorization");
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip() : "";
        if (!MessageDigest.isEqual(expectedDigest, digest(presented))) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"wrt-operator\"");
            ErrorResponses.writeProblem(request, response, HttpStatus.UNAUTHORIZED,
                    "A valid operator key is needed: Authorization: Bearer <OPERATOR_API_KEY>.");
            return;
        }
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(AUTHORITY, null,
                AuthorityUtils.createAuthorityList(AUTHORITY)));
        holder.setContext(context);
        chain.doFilter(request, response);
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
