package org.calibra.certification.internal;

import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up when a production profile runs with {@code calibra.public-url} still on this machine: every
 * credential, QR code and share link is built on it, and would send hospitals to "localhost" — their own computer.
 * Development (no production profile) stays quiet.
 */
@Component
class PublicUrlCheck {

    private static final Logger log = LoggerFactory.getLogger(PublicUrlCheck.class);
    /** The profiles a real installation runs with (application-*.properties), plus the conventional names. */
    static final List<String> PRODUCTION_PROFILES = List.of("postgres", "keycloak", "prod", "production");

    private final IssuerSettings settings;
    private final Environment environment;

    PublicUrlCheck(IssuerSettings settings, Environment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnIfLocal() {
        warning(settings.publicUrl(), Arrays.asList(environment.getActiveProfiles())).ifPresent(log::warn);
    }

    /** The warning for this public URL under these active profiles, or empty when there is nothing to say. */
    static Optional<String> warning(String publicUrl, Collection<String> activeProfiles) {
        var production = activeProfiles.stream().map(p -> p.toLowerCase(Locale.ROOT)).filter(PRODUCTION_PROFILES::contains).toList();
        if (production.isEmpty() || !pointsHere(publicUrl)) {
            return Optional.empty();
        }
        return Optional.of("calibra.public-url is " + publicUrl + " under the production profile " + String.join(", ", production)
                + ": QR codes, share links and the ids inside signed credentials would point at the reader's own computer. Set "
                + "calibra.public-url (environment variable CALIBRA_PUBLIC_URL) to the address people reach Calibra at, e.g. "
                + "https://calibra.your-hospital.org, before any certificate is issued: credentials already signed keep the old address.");
    }

    /** True for an address only this machine answers on: localhost (and *.localhost), loopback, the unspecified address. */
    static boolean pointsHere(String url) {
        String host;
        try {
            host = URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.") || host.equals("0.0.0.0")
                || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1") || host.equals("::");
    }
}
