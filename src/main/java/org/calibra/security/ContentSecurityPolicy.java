package org.calibra.security;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Content-Security-Policy every response carries, written together with what the pages really run:
 * Vaadin Flow's client engine and the viewer's Cornerstone3D decode workers and WASM codecs.
 *
 * <ul>
 *   <li>{@code script-src 'unsafe-inline' 'unsafe-eval'}: Vaadin 25.2 starts its client with an inline script and
 *       builds functions from the expressions the server sends (executeJs, event data). Its nonce-based strict mode
 *       arrives with Vaadin 25.4; until then these two stay, and the policy's worth is in the other directives.</li>
 *   <li>{@code 'wasm-unsafe-eval'}: compiling the codecs' WebAssembly (JPEG 2000, JPEG-LS, HTJ2K, libjpeg-turbo);
 *       worker scripts are served with this same header, so it covers the decode workers too.</li>
 *   <li>{@code worker-src 'self'}: the decode workers are bundled files of our own origin, never blob: or data:.</li>
 *   <li>{@code connect-src 'self'}: images, heatmaps and every API call come from this origin, so a script that
 *       got in anyway cannot send a trainee's data or a case's truth elsewhere.</li>
 * </ul>
 */
final class ContentSecurityPolicy {

    private ContentSecurityPolicy() {
    }

    /** @param extraConnectSources origins the browser may also fetch from (an image server reached directly; the E2E file server) */
    static String header(List<String> extraConnectSources) {
        String connect = Stream.concat(Stream.of("'self'"), extraConnectSources.stream().map(String::strip).filter(s -> !s.isEmpty()))
                .collect(Collectors.joining(" "));
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self' 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval'",
                "worker-src 'self'",
                "connect-src " + connect,
                "img-src 'self' data: blob:",
                "style-src 'self' 'unsafe-inline'",
                "font-src 'self' data:",
                "object-src 'none'",
                "frame-ancestors 'none'",
                "base-uri 'self'");
    }
}
