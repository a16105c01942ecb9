package org.calibra.certification.internal;

import java.net.URI;
import org.calibra.certification.credential.KeyAlgorithm;
import org.calibra.certification.credential.OpenBadgeCredential;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who issues and where it publishes: the institution's profile (calibra.institution.*) and the public base URL
 * (calibra.public-url) that credential ids, the issuer id, key URLs and status list URLs are built on. Changing
 * the public URL after issuing breaks the links inside credentials already issued, so set it before going live.
 */
@Component
public class IssuerSettings {

    private final String publicUrl;
    private final String name;
    private final String url;
    private final String email;
    private final String description;
    private final String logoPath;
    private final KeyAlgorithm algorithm;
    private final String linkedInOrganizationId;

    IssuerSettings(@Value("${calibra.public-url:http://localhost:${server.port:8080}}") String publicUrl,
                   @Value("${calibra.institution.name}") String name,
                   @Value("${calibra.institution.url:}") String url,
                   @Value("${calibra.institution.email:}") String email,
                   @Value("${calibra.institution.description:Issues Calibra certificates in reading medical images with AI.}") String description,
                   @Value("${calibra.institution.logo:}") String logoPath,
                   @Value("${calibra.credentials.algorithm:RS256}") String algorithm,
                   @Value("${calibra.institution.linkedin-organization-id:}") String linkedInOrganizationId) {
        this.publicUrl = stripSlash(publicUrl);
        URI.create(this.publicUrl); // fail at start-up on a malformed URL, not at the first issue
        this.name = name;
        this.url = url.isBlank() ? this.publicUrl : url;
        this.email = email;
        this.description = description;
        this.logoPath = logoPath;
        this.algorithm = KeyAlgorithm.parse(algorithm);
        if (!linkedInOrganizationId.isBlank() && !linkedInOrganizationId.strip().matches("\\d{1,20}")) {
            throw new IllegalArgumentException("calibra.institution.linkedin-organization-id is the number of the institution's LinkedIn page "
                    + "(the digits in its admin address, linkedin.com/company/12345/admin), not \"" + linkedInOrganizationId + "\"");
        }
        this.linkedInOrganizationId = linkedInOrganizationId.strip();
    }

    public String publicUrl() { return publicUrl; }
    public String name() { return name; }
    public String logoPath() { return logoPath; }
    public KeyAlgorithm algorithm() { return algorithm; }

    public String issuerId() { return publicUrl + "/credentials/issuer"; }
    public String keyBaseUrl() { return publicUrl + "/credentials/keys"; }
    public String statusListUrl(String listName) { return publicUrl + "/credentials/status/" + listName; }
    public String verifyUrl(String publicId) { return publicUrl + "/verify/" + publicId; }
    public String achievementId(String curriculumSlug) { return publicUrl + "/credentials/achievements/" + curriculumSlug; }
    public String badgeUrl(String curriculumSlug) { return publicUrl + "/credentials/badges/" + curriculumSlug + ".png"; }
    /** The institution's LinkedIn organization id (the number in its company page's admin URL), or blank: LinkedIn then shows the name only. */
    public String linkedInOrganizationId() { return linkedInOrganizationId; }

    public OpenBadgeCredential.Issuer profile() {
        return new OpenBadgeCredential.Issuer(issuerId(), name, url, email, description, null);
    }

    /** did:web of the host (and port, percent-encoded) the app is published at; only meaningful without a path. */
    public String didWeb() {
        URI u = URI.create(publicUrl);
        String host = u.getHost() + (u.getPort() > 0 ? "%3A" + u.getPort() : "");
        String path = u.getPath() == null || u.getPath().isBlank() ? "" : u.getPath().replace('/', ':');
        return "did:web:" + host + path;
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
