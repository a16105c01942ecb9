package org.calibra.shell;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import org.calibra.security.HardeningHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one error page of the app outside its Vaadin views: a short page in words (no stack trace, no exception name,
 * no server version, no script) or, for a client that asks for JSON, an RFC 9457 problem document — always with the
 * {@link HardeningHeaders} of every other page. Written by the error dispatch ({@link ErrorPageController}) and by
 * Tomcat itself for requests it refuses before the application sees them ({@link TomcatErrorPages}).
 */
@Component
class PlainErrorPage {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HardeningHeaders hardening;

    PlainErrorPage(HardeningHeaders hardening) {
        this.hardening = hardening;
    }

    /** What the page says: a title and a sentence for people. */
    record Words(String title, String text) {}

    static Words words(int status) {
        return switch (status) {
            case 400 -> new Words("Bad request", "Calibra could not understand this request. Check the address, or start again from the start page.");
            case 401 -> new Words("Sign-in needed", "Sign in to see this page.");
            case 403 -> new Words("Not allowed", "This is not available to you, or Calibra refused the request.");
            case 404 -> new Words("Not available", "There is nothing here, or it is not available to you.");
            case 405 -> new Words("Not allowed here", "This address does not accept this kind of request.");
            case 408 -> new Words("Too slow", "The request took too long to arrive. Try again.");
            case 413 -> new Words("Too large", "What was sent is larger than Calibra accepts.");
            case 414, 431 -> new Words("Request too long", "The address or the request's headers are longer than Calibra accepts.");
            case 429 -> new Words("Too many requests", "Too many requests came from your address in a short time. Wait a little and try again.");
            case 503 -> new Words("Unavailable", "Calibra is not available just now. Try again in a few minutes.");
            case 505 -> new Words("Not supported", "Calibra does not understand the HTTP version of this request.");
            default -> status >= 500
                    ? new Words("Something went wrong", "Calibra could not answer this request. Try again later; if it keeps happening, tell your administrator.")
                    : new Words("Request refused", "Calibra could not handle this request. Check the address and try again.");
        };
    }

    /**
     * A problem document for a client that asks for JSON and not for a page, and for a call to the JSON API ({@code /api/})
     * that names no type; a page for browsers (they ask for {@code text/html}) and for anything else.
     */
    static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("text/html")) {
            return false;
        }
        if (accept != null && accept.contains("json")) {
            return true;
        }
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original ? original : request.getRequestURI();
        return path != null && path.startsWith(request.getContextPath() + "/api/");
    }

    /**
     * Writes the headers and sets the content type of the answer; returns its body. The caller has set the status and
     * writes the body with whatever writer it has.
     *
     * @param detail a further sentence (e.g. the rate limit and when to retry), or null
     * @param reference a reference for the log (unexpected failures), or null
     */
    String prepare(HttpServletRequest request, HttpServletResponse response, int status, String detail, String reference) {
        hardening.write(request, response);
        response.setCharacterEncoding("UTF-8");
        Words words = words(status);
        if (wantsJson(request)) {
            response.setContentType("application/problem+json");
            var problem = new LinkedHashMap<String, Object>();
            problem.put("type", "about:blank");
            problem.put("title", words.title());
            problem.put("status", status);
            problem.put("detail", detail != null ? detail : words.text());
            if (reference != null) {
                problem.put("reference", reference);
            }
            return JSON.writeValueAsString(problem);
        }
        response.setContentType("text/html;charset=UTF-8");
        var html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").append(words.title())
                .append(" — Calibra</title><style>body{font-family:system-ui,sans-serif;max-width:40em;margin:4em auto;padding:0 1em;")
                .append("line-height:1.5;color:#1b1f24}h1{font-size:1.5em}</style></head><body><main><h1>").append(words.title())
                .append("</h1><p>").append(words.text()).append("</p>");
        if (detail != null) {
            html.append("<p>").append(HtmlUtils.htmlEscape(detail)).append("</p>");
        }
        if (reference != null) {
            html.append("<p>If you tell your administrator, give the reference ").append(HtmlUtils.htmlEscape(reference)).append(".</p>");
        }
        html.append("<p><a href=\"").append(HtmlUtils.htmlEscape(request.getContextPath())).append("/\">Back to Calibra's start page</a></p>")
                .append("</main></body></html>");
        return html.toString();
    }
}
