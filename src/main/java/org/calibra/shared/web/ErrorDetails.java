package org.calibra.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * What an error page says beyond its status: one plain-English sentence, carried on the request into the error
 * dispatch. Code that refuses a request calls {@link #sendError}; the app's error page (shell) shows the sentence, on a
 * page with the hardening headers or in a problem document for API clients.
 */
public final class ErrorDetails {

    public static final String ATTRIBUTE = ErrorDetails.class.getName() + ".detail";

    private ErrorDetails() {
    }

    /** Ends the request with {@code status}; headers set before (e.g. {@code Retry-After}) stay. */
    public static void sendError(HttpServletRequest request, HttpServletResponse response, int status, String detail) throws IOException {
        request.setAttribute(ATTRIBUTE, detail);
        response.sendError(status);
    }

    /** The sentence given to {@link #sendError}, or null. */
    public static String of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String detail ? detail : null;
    }
}
