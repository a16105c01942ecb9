package org.calibra.certification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * LinkedIn's "Add to profile" link for a certification (addtoprofile.linkedin.com): it opens the member's
 * "Add license or certification" form filled in — name, issuing organization (its LinkedIn page id when known, else its
 * name), issue and expiry month, the credential's URL and ID. Nothing is sent to LinkedIn until the member saves.
 */
public final class LinkedInCertification {

    static final String ADD_TO_PROFILE = "https://www.linkedin.com/profile/add";

    private LinkedInCertification() {
    }

    /**
     * @param organizationId the issuer's LinkedIn organization id (digits), or blank/null to name the organization instead
     * @param expires        null for a certificate that does not expire: the form then has no expiry
     */
    public static String addToProfileUrl(String name, String organizationName, String organizationId, Instant issued, Instant expires,
                                         String certUrl, String certId) {
        var params = new LinkedHashMap<String, String>();
        params.put("startTask", "CERTIFICATION_NAME");
        params.put("name", name);
        if (organizationId != null && !organizationId.isBlank()) {
            params.put("organizationId", organizationId.strip());
        } else {
            params.put("organizationName", organizationName);
        }
        var issuedAt = issued.atOffset(ZoneOffset.UTC);
        params.put("issueYear", String.valueOf(issuedAt.getYear()));
        params.put("issueMonth", String.valueOf(issuedAt.getMonthValue()));
        if (expires != null) {
            var expiresAt = expires.atOffset(ZoneOffset.UTC);
            params.put("expirationYear", String.valueOf(expiresAt.getYear()));
            params.put("expirationMonth", String.valueOf(expiresAt.getMonthValue()));
        }
        params.put("certUrl", certUrl);
        params.put("certId", certId);
        return ADD_TO_PROFILE + "?" + query(params);
    }

    private static String query(Map<String, String> params) {
        return params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("&"));
    }
}
