package org.calibra.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkedInCertificationTest {

    private static final Instant ISSUED = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2028-01-31T23:59:59Z");

    @Test
    void the_link_opens_linkedins_certification_form_with_every_field_filled_in() {
        String url = LinkedInCertification.addToProfileUrl("Calibra certificate: Reading with AI — foundations", "St. Example Teaching Hospital",
                null, ISSUED, EXPIRES, "https://calibra.example.org/verify/q3Zx9Vb2RkS0n4mH8pLw1A", "q3Zx9Vb2RkS0n4mH8pLw1A");

        var uri = URI.create(url);
        assertThat(uri.getScheme() + "://" + uri.getHost() + uri.getPath()).isEqualTo("https://www.linkedin.com/profile/add");
        assertThat(params(uri)).containsExactly(
                Map.entry("startTask", "CERTIFICATION_NAME"),
                Map.entry("name", "Calibra certificate: Reading with AI — foundations"),
                Map.entry("organizationName", "St. Example Teaching Hospital"),
                Map.entry("issueYear", "2026"), Map.entry("issueMonth", "11"),
                Map.entry("expirationYear", "2028"), Map.entry("expirationMonth", "1"),
                Map.entry("certUrl", "https://calibra.example.org/verify/q3Zx9Vb2RkS0n4mH8pLw1A"),
                Map.entry("certId", "q3Zx9Vb2RkS0n4mH8pLw1A"));
    }

    @Test
    void every_value_is_percent_encoded_so_no_title_can_add_or_break_a_parameter() {
        String url = LinkedInCertification.addToProfileUrl("Nodules & masses: 100% = pass? #1 +AI", "Hôpital \"Saint-Éloi\"", "",
                ISSUED, EXPIRES, "https://calibra.example.org/verify/AbC?x=1&y=2", "AbC");

        String query = URI.create(url).getRawQuery();
        assertThat(query).doesNotContain(" ", "#", "\"", "+").contains("name=Nodules%20%26%20masses%3A%20100%25%20%3D%20pass%3F%20%231%20%2BAI");
        assertThat(query.split("&")).hasSize(9);
        assertThat(params(URI.create(url))).containsEntry("name", "Nodules & masses: 100% = pass? #1 +AI")
                .containsEntry("organizationName", "Hôpital \"Saint-Éloi\"")
                .containsEntry("certUrl", "https://calibra.example.org/verify/AbC?x=1&y=2");
    }

    @Test
    void a_certificate_without_expiry_leaves_the_expiry_out_and_a_known_linkedin_page_is_named_by_its_id() {
        String url = LinkedInCertification.addToProfileUrl("Calibra certificate", "St. Example", " 1337 ", ISSUED, null,
                "https://calibra.example.org/verify/AbC", "AbC");

        var params = params(URI.create(url));
        assertThat(params).doesNotContainKeys("expirationYear", "expirationMonth", "organizationName").containsEntry("organizationId", "1337");
        assertThat(params).containsEntry("issueMonth", "11");
    }

    @Test
    void the_issue_month_is_the_utc_month_of_the_credentials_validFrom() {
        String url = LinkedInCertification.addToProfileUrl("C", "O", null, Instant.parse("2026-12-31T23:30:00Z"), null, "https://x/verify/A", "A");

        assertThat(params(URI.create(url))).containsEntry("issueYear", "2026").containsEntry("issueMonth", "12");
    }

    private static Map<String, String> params(URI uri) {
        var map = new LinkedHashMap<String, String>();
        Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .forEach(p -> map.put(p[0], URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        return map;
    }
}
