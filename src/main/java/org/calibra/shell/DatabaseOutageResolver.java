package org.calibra.shell;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.calibra.shared.web.DatabaseOutage;
import org.calibra.shared.web.ErrorDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A controller (the verification API, DICOMweb, downloads) that fails because the database cannot be reached answers 503
 * with {@code Retry-After} and the words of {@link DatabaseOutage} — a page, or a problem document for API clients,
 * written by {@link ErrorPageController} — and one warning in the log instead of a stack trace per request.
 */
@Component
class DatabaseOutageResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageResolver.class);

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
        if (!DatabaseOutage.causedBy(failure) || response.isCommitted()) {
            return null;
        }
        log.warn("Database not reachable answering {} {}: {}", request.getMethod(), request.getRequestURI(), DatabaseOutage.rootMessage(failure));
        try {
            response.setHeader("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
            ErrorDetails.sendError(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, DatabaseOutage.WORDS);
        } catch (IOException e) {
            return null; // the client is gone
        }
        return new ModelAndView();
    }

    /** Before the controllers' own handlers, which know nothing of the database being away. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
