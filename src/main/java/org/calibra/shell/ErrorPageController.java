package org.calibra.shell;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.calibra.shared.web.DatabaseOutage;
import org.calibra.shared.web.ErrorDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error dispatch ({@code /error}) for everything outside the Vaadin views — a refused request, a firewall
 * rejection, a missing file, a wrong method, a rate limit, an exception in a controller — instead of Spring Boot's
 * "Whitelabel" page: the {@link PlainErrorPage} with the hardening headers, which Spring's header filter does not write
 * on an error dispatch (and never wrote when the firewall refused the request before it). A failure because the
 * database cannot be reached is a 503 that says so ({@link DatabaseOutage}), not an unexpected error.
 */
@Controller
class ErrorPageController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPageController.class);

    private final PlainErrorPage page;

    ErrorPageController(PlainErrorPage page) {
        this.page = page;
    }

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // asked for directly (not an error dispatch): there is nothing here
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        String detail = ErrorDetails.of(request);
        String reference = null;
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable t && DatabaseOutage.causedBy(t)) {
            // not a fault of this request: say so, and when to try again (the pool reconnects by itself)
            status = HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            detail = DatabaseOutage.WORDS;
            response.setHeader("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
            log.warn("Database not reachable answering {} {}: {}", request.getMethod(), request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    DatabaseOutage.rootMessage(t));
        } else if (status >= 500) {
            reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Error {} answering {} {} with {}", reference, request.getMethod(), request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    status, (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        }
        response.setStatus(status);
        String body = page.prepare(request, response, status, detail, reference);
        if (!"HEAD".equals(request.getMethod())) {
            response.getWriter().write(body);
        }
    }
}
