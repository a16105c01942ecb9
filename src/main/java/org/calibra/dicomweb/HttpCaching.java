package org.calibra.dicomweb;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;

/**
 * Caching of immutable content: a case version's images never change, so every response carries a strong,
 * content-addressed ETag and {@code Cache-Control: private, max-age=1 year, immutable} (private: it is one user's
 * authorised view), and a matching {@code If-None-Match} gets 304 without a body.
 */
final class HttpCaching {

    static final String CACHE_CONTROL = "private, max-age=31536000, immutable";

    private HttpCaching() {
    }

    static String etag(String prefix, List<String> contentTags) {
        String joined = String.join(",", contentTags);
        return "\"" + prefix + "-" + (contentTags.size() == 1 && joined.length() <= 64 ? joined : Hashes.sha256(joined)) + "\"";
    }

    /** Sets the validators; true (and 304 sent) when the client already holds this representation. */
    static boolean notModified(String etag, String ifNoneMatch, HttpServletResponse response) {
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", CACHE_CONTROL);
        if (ifNoneMatch != null && matches(etag, ifNoneMatch)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return true;
        }
        return false;
    }

    /** RFC 9110 13.1.2: weak comparison, so W/"x" matches "x"; "*" matches anything. */
    static boolean matches(String etag, String ifNoneMatch) {
        return Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals("*") || t.equals(etag));
    }
}
