package org.oostkit.wrt.web.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.StringUtils;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.io.IOException;

/**
 * Errors answered for the reader: a page for browsers, a problem document for API clients. (Spring's own
 * problem-details handler would answer JSON to a browser.) Controllers keep their own handlers for their own
 * errors; this advice covers what happens before a controller is found, parameters refused by
 * {@link RequestTextCheck}, and the statuses controllers throw ({@code ResponseStatusException}: an unknown
 * campaign or round, a role that may not change anything).
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
        return ErrorPages.view(HttpStatus.BAD_REQUEST, request).addObject("message", detail);
    }

    @ExceptionHandler(ErrorResponseException.class)
    ModelAndView status(ErrorResponseException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        status = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        e.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        if (ErrorResponses.wantsJson(request)) {
            ErrorResponses.writeProblem(request, response, status, e.getBody().getDetail());
            return null;
        }
        response.setStatus(status.value());
        return ErrorPages.view(status, request);
    }

    /** A request missing a required parameter or part, or with a body type the address does not take. */
    @ExceptionHandler({ServletRequestBindingException.class, MissingServletRequestPartException.class,
            HttpMediaTypeNotSupportedException.class})
    ModelAndView badRequest(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = e instanceof ErrorResponse error ? HttpStatus.resolve(error.getStatusCode().value()) : null;
        return answer(request, response, status == null ? HttpStatus.BAD_REQUEST : status);
    }

    /**
     * A path variable that is not of its type ({@code /campaigns/not-a-uuid}, {@code /rounds/two}) names
     * nothing there is: 404 like any unknown address; a query parameter of the wrong type is a bad request.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request,
                              HttpServletResponse response) throws IOException {
        boolean inPath = e.getParameter().hasParameterAnnotation(PathVariable.class);
        return answer(request, response, inPath ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST);
    }

    private static ModelAndView answer(HttpServletRequest request, HttpServletResponse response, HttpStatus status)
            throws IOException {
        if (ErrorResponses.wantsJson(request)) {
            ErrorResponses.writeProblem(request, response, status, null);
            return null; // the response is complete
        }
        response.setStatus(status.value());
        return ErrorPages.view(status, request);
    }
}
