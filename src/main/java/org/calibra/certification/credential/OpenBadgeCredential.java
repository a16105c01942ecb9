package org.calibra.certification.credential;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the unsigned Open Badges 3.0 {@code OpenBadgeCredential} (VC data model 2.0) for a certificate. Pure
 * data in, JSON-compatible maps out, so the same content always yields the same credential.
 */
public final class OpenBadgeCredential {

    public static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    public static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    public static final String OB_SCHEMA = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";

    private OpenBadgeCredential() {
    }

    /** The institution that issues, as an OB 3.0 Profile. */
    public record Issuer(String id, String name, String url, String email, String description, String imageUrl) {
        public Map<String, Object> profile() {
            var p = new LinkedHashMap<String, Object>();
            p.put("id", id);
            p.put("type", List.of("Profile"));
            p.put("name", name);
            put(p, "url", url);
            put(p, "email", email);
            put(p, "description", description);
            if (imageUrl != null && !imageUrl.isBlank()) {
                p.put("image", Map.of("id", imageUrl, "type", "Image"));
            }
            return p;
        }
    }

    /** A module's result, frozen at issue: what it was passed with and what was required. */
    /** {@code curriculumVersion}: the curriculum version the module was decided under; null on certificates older than versions. */
    public record ModuleResult(String module, int casesRead, String sensitivity, String specificity, List<String> thresholds,
                               Integer curriculumVersion) {}

    /** Where the credential's status bits are: the same index in the revocation list and the suspension list. */
    public record Status(String revocationListUrl, int index) {}

    /**
     * The achievement's badge (OB 3.0 {@code Image}: {@code id} an image URL or a data: URI, {@code type} "Image", an optional
     * {@code caption}). Inside the signed credential, so its address cannot be swapped without breaking the signature.
     */
    public record Image(String id, String caption) {
        Map<String, Object> json() {
            var image = new LinkedHashMap<String, Object>();
            image.put("id", id);
            image.put("type", "Image");
            put(image, "caption", caption);
            return image;
        }
    }

    /** Everything that goes into one credential; {@code badge} may be null (no image). */
    public record Content(String credentialId, String subjectId, String holderName, String achievementId, String title, String description,
                          List<String> competencies, List<ModuleResult> evidence, Double creditHours, Instant validFrom, Instant validUntil,
                          Issuer issuer, Status status, Image badge) {}

    public static Map<String, Object> build(Content c) {
        var achievement = new LinkedHashMap<String, Object>();
        achievement.put("id", c.achievementId());
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", "Certificate");
        achievement.put("name", c.title());
        achievement.put("description", c.description());
        if (c.badge() != null) {
            achievement.put("image", c.badge().json());
        }
        achievement.put("criteria", Map.of("narrative", criteria(c)));
        if (c.creditHours() != null) {
            achievement.put("creditsAvailable", c.creditHours()); // OB 3.0: the credit hours the achievement is worth
        }
        List<Map<String, Object>> alignment = new ArrayList<>();
        for (int i = 0; i < c.competencies().size(); i++) {
            var a = new LinkedHashMap<String, Object>();
            a.put("type", List.of("Alignment"));
            a.put("targetName", c.competencies().get(i));
            a.put("targetUrl", c.achievementId() + "#competency-" + (i + 1));
            a.put("targetType", "ceasn:Competency");
            alignment.add(a);
        }
        if (!alignment.isEmpty()) {
            achievement.put("alignment", alignment);
        }
        achievement.put("tag", c.competencies());

        var subject = new LinkedHashMap<String, Object>();
        subject.put("id", c.subjectId());
        subject.put("type", List.of("AchievementSubject"));
        subject.put("identifier", List.of(Map.of("type", "IdentityObject", "identityType", "name", "hashed", false,
                "identityHash", c.holderName())));
        subject.put("achievement", achievement);

        List<Map<String, Object>> evidence = new ArrayList<>();
        for (var m : c.evidence()) {
            var e = new LinkedHashMap<String, Object>();
            e.put("type", List.of("Evidence"));
            e.put("name", m.module());
            e.put("narrative", m.casesRead() + " cases read; sensitivity " + m.sensitivity() + "; specificity " + m.specificity()
                    + ". Required: " + String.join("; ", m.thresholds()) + "."
                    + (m.curriculumVersion() == null ? "" : " Decided under curriculum version " + m.curriculumVersion() + "."));
            e.put("genre", "Image reading assessment");
            evidence.add(e);
        }

        var credential = new LinkedHashMap<String, Object>();
        credential.put("@context", List.of(VC_CONTEXT, OB_CONTEXT));
        credential.put("id", c.credentialId());
        credential.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        credential.put("name", c.title());
        credential.put("description", c.description());
        credential.put("issuer", c.issuer().profile());
        credential.put("validFrom", instant(c.validFrom()));
        credential.put("validUntil", instant(c.validUntil()));
        credential.put("credentialSubject", subject);
        credential.put("evidence", evidence);
        credential.put("credentialSchema", List.of(Map.of("id", OB_SCHEMA, "type", "1EdTechJsonSchemaValidator2019")));
        var status = new LinkedHashMap<String, Object>();
        status.put("id", c.status().revocationListUrl() + "#" + c.status().index());
        status.put("type", "BitstringStatusListEntry");
        status.put("statusPurpose", "revocation");
        status.put("statusListIndex", String.valueOf(c.status().index()));
        status.put("statusListCredential", c.status().revocationListUrl());
        credential.put("credentialStatus", status);
        return credential;
    }

    private static String criteria(Content c) {
        var text = new StringBuilder("Awarded when every module of the curriculum is passed, each on at least its minimum number of cases and within all of its thresholds:");
        for (var m : c.evidence()) {
            text.append("\n- ").append(m.module()).append(": ").append(String.join("; ", m.thresholds()));
        }
        if (!c.competencies().isEmpty()) {
            text.append("\n\nCompetencies attested: ").append(String.join("; ", c.competencies())).append('.');
        }
        return text.toString();
    }

    /**
     * Where the badge image named in a credential (compact JWS) is, for this app's pages: an http(s) URL as its path on
     * this server (the page and the image are then one origin, whatever host the browser used), a data: URI as it is;
     * null when the credential names none or cannot be read. Reads without verifying: for credentials this app stored.
     */
    public static String imagePath(String compactJws) {
        if (compactJws == null) {
            return null;
        }
        try {
            var payload = com.nimbusds.jose.JWSObject.parse(compactJws).getPayload().toJSONObject();
            if (payload != null && payload.get("credentialSubject") instanceof Map<?, ?> subject
                    && subject.get("achievement") instanceof Map<?, ?> achievement
                    && achievement.get("image") instanceof Map<?, ?> image && image.get("id") instanceof String id) {
                if (id.startsWith("data:image/")) {
                    return id;
                }
                var uri = java.net.URI.create(id);
                return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? null : uri.getRawPath();
            }
        } catch (java.text.ParseException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    /** VC dates: UTC, whole seconds ({@code 2026-11-23T04:30:00Z}). */
    public static String instant(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static void put(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
