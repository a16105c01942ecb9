package org.calibra.casebank.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * GET requests to an external DICOMweb archive (ADR 0013): at import time for series metadata, at read time for
 * frames. The archive's credentials never reach the browser: they are the server's, from the environment variable
 * {@code CALIBRA_ARCHIVE_AUTHORIZATION} (a complete Authorization header value, e.g. "Basic …" or "Bearer …").
 */
public final class DicomWebClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private DicomWebClient() {
    }

    /** The response with its body as a stream; the caller closes it. */
    public static HttpResponse<InputStream> get(String url, String accept) throws IOException {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Accept", accept).GET();
        String authorization = System.getenv("CALIBRA_ARCHIVE_AUTHORIZATION");
        if (authorization != null && !authorization.isBlank()) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking " + url, e);
        }
    }

    /** A series' DICOM JSON metadata as text; an IOException names the URL and the status when the archive says no. */
    public static String seriesMetadata(String root, String studyUid, String seriesUid) throws IOException {
        String url = stripSlash(root) + "/studies/" + studyUid + "/series/" + seriesUid + "/metadata";
        var response = get(url, "application/dicom+json");
        try (InputStream body = response.body()) {
            byte[] bytes = body.readAllBytes();
            if (response.statusCode() != 200) {
                throw new IOException("the archive answered " + response.statusCode() + " to GET " + url);
            }
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public static String stripSlash(String root) {
        return root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }
}
