package org.calibra.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.stereotype.Component;

/**
 * The hardening headers every response carries (docs/security.md, "Response headers"), in one list: the security
 * chain writes them on every request it sees ({@link SecurityConfig}), and the error pages write the same list where
 * the chain never ran — a request Tomcat refused before the application saw it, one the firewall refused, or the
 * error dispatch, where Spring's header filter does not run again.
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff}, {@code X-XSS-Protection: 0} (the old filter off; the CSP is the defence),</li>
 *   <li>{@code Cache-Control: no-cache, no-store, …} unless the response set its own caching,</li>
 *   <li>{@code Strict-Transport-Security} on HTTPS requests only,</li>
 *   <li>no framing ({@code X-Frame-Options: DENY}, and {@code frame-ancestors 'none'} in the {@link ContentSecurityPolicy}),</li>
 *   <li>no referrer to other sites, no device APIs.</li>
 * </ul>
 */
@Component
public class HardeningHeaders {

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    private final List<HeaderWriter> writers;

    HardeningHeaders(@Value("${calibra.security.csp.extra-connect-src:}") List<String> extraConnect) {
        this.writers = List.of(
                new XContentTypeOptionsHeaderWriter(),
                new XXssProtectionHeaderWriter(),
                new CacheControlHeadersWriter(),
                new HstsHeaderWriter(),
                new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
                new ContentSecurityPolicyHeaderWriter(ContentSecurityPolicy.header(extraConnect)),
                new ReferrerPolicyHeaderWriter(ReferrerPolicy.SAME_ORIGIN),
                new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY));
    }

    List<HeaderWriter> writers() {
        return writers;
    }

    /** Writes the headers the response does not have yet. */
    public void write(HttpServletRequest request, HttpServletResponse response) {
        for (HeaderWriter writer : writers) {
            writer.writeHeaders(request, response);
        }
    }
}
