package org.oostkit.wrt.web.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.StringUtils;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.io.IOException;

/**
 * Unknown addresses and wrong methods answered for the reader: a page for browsers, a problem document for
 * API clients. (Spring's own problem-details handler would answer JSON to a browser.) Controllers keep their
 * own handlers for their own errors; this advice only covers what happens before a controller is found
 * (and parameters refused by {@link RequestTextCheck} before it runs).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebExceptionHandlers {

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return answer(request, response, HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ModelAndView methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request,
                            HttpServletResponse response) throws IOException {
        if (e.getSupportedHttpMethods() != null && !e.getSupportedHttpMethods().isEmpty()) {
            response.setHeader(HttpHeaders.ALLOW, StringUtils.collectionToCommaDelimitedString(e.getSupportedHttpMethods()));
        }
        return answer(request, response, HttpStatus.METHOD_NOT_ALLOWED);
    }

    @ExceptionHandler(RequestTextCheck.RefusedInput.class)
    ModelAndView refusedInput(RequestTextCheck.RefusedInput e, HttpServletRequest request,
                              HttpServletResponse response) throws IOException {
        String detail = e.getMessage() + " Go back and check the address or what you entered.";
        if (ErrorResponses.wantsJson(request)) {
            ErrorResponses.writeProblem(request, response, HttpStatus.BAD_REQUEST, detail);
            return null;
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return ErrorPages.view(HttpStatus.BAD_REQUEST).addObject("message", detail);
    }

    private static ModelAndView answer(HttpServletRequest request, HttpServletResponse response, HttpStatus status)
            throws IOException {
        if (ErrorResponses.wantsJson(request)) {
            ErrorResponses.writeProblem(request, response, status, null);
            return null; // the response is complete
        }
        response.setStatus(status.value());
        return ErrorPages.view(status);
    }
}
