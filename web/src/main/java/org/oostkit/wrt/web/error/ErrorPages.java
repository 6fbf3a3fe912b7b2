package org.oostkit.wrt.web.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;

/**
 * Replaces Spring Boot's whitelabel error controller: whatever reaches the container's error dispatch
 * (an exception nobody handled, a {@code sendError} from a filter) is answered with the error page or a
 * problem document; neither ever shows an exception or a stack trace.
 */
@Controller
class ErrorPages implements ErrorController {

    static final String VIEW = "error/page";

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = status(request);
        if (ErrorResponses.wantsJson(request)) {
            ErrorResponses.writeProblem(request, response, status, null);
            return null; // written
        }
        response.setStatus(status.value());
        return view(status);
    }

    static ModelAndView view(HttpStatus status) {
        ModelAndView view = new ModelAndView(VIEW, status);
        view.addObject("title", ErrorResponses.title(status));
        view.addObject("status", status.value());
        view.addObject("message", ErrorResponses.message(status));
        return view;
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null || status.value() < 400 ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
