package org.calibra.certification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PublicUrlCheckTest {

    @Test
    void a_production_profile_with_a_local_public_url_gets_a_warning_that_names_the_property_and_what_to_set() {
        var warning = PublicUrlCheck.warning("http://localhost:8080", List.of("postgres"));

        assertThat(warning).hasValueSatisfying(w -> assertThat(w)
                .contains("calibra.public-url is http://localhost:8080")
                .contains("postgres")
                .contains("CALIBRA_PUBLIC_URL")
                .contains("https://calibra.your-hospital.org")
                .contains("QR codes"));
    }

    @Test
    void every_production_profile_and_every_local_address_counts() {
        for (String profile : List.of("postgres", "keycloak", "prod", "production", "PROD")) {
            assertThat(PublicUrlCheck.warning("http://localhost:8080", List.of("test-data", profile))).as(profile).isPresent();
        }
        for (String url : List.of("http://127.0.0.1:8080", "https://localhost", "http://[::1]:8080", "http://0.0.0.0:8080",
                "http://calibra.localhost:8080", "http://LOCALHOST/calibra")) {
            assertThat(PublicUrlCheck.warning(url, List.of("keycloak"))).as(url).isPresent();
        }
    }

    @Test
    void development_and_a_real_address_stay_quiet() {
        assertThat(PublicUrlCheck.warning("http://localhost:8080", List.of())).as("no profile: development").isEmpty();
        assertThat(PublicUrlCheck.warning("http://localhost:8080", List.of("test"))).isEmpty();
        assertThat(PublicUrlCheck.warning("https://calibra.st-example.org", List.of("postgres", "keycloak"))).isEmpty();
        assertThat(PublicUrlCheck.warning("https://localhost-imaging.example.org", List.of("postgres"))).as("a real host that merely starts with localhost").isEmpty();
        assertThat(PublicUrlCheck.warning("http://10.0.0.5:8080", List.of("postgres"))).as("a private address others on the network reach").isEmpty();
    }
}
