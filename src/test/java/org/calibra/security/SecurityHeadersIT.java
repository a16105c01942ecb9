package org.calibra.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import org.calibra.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Every response carries the hardening headers, on public and signed-in paths alike; HSTS only over HTTPS. */
@IntegrationTest
class SecurityHeadersIT {

    @Autowired WebApplicationContext context;

    @Test
    void public_and_protected_responses_carry_the_hardening_headers() throws Exception {
        var mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        for (String path : new String[] {"/.well-known/jwks.json", "/files/dicom/0000"}) {
            mvc.perform(get(path))
                    .andExpect(header().string("Content-Security-Policy", ContentSecurityPolicy.header(java.util.List.of())))
                    .andExpect(header().string("X-Frame-Options", "DENY"))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("Referrer-Policy", "same-origin"))
                    .andExpect(header().string("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"))
                    .andExpect(header().doesNotExist("Strict-Transport-Security"));
        }
        mvc.perform(get("/.well-known/jwks.json").secure(true))
                .andExpect(header().string("Strict-Transport-Security", org.hamcrest.Matchers.startsWith("max-age=")));
    }

    @Test
    void the_policy_confines_scripts_workers_and_connections_to_this_origin() {
        String csp = ContentSecurityPolicy.header(java.util.List.of());
        org.assertj.core.api.Assertions.assertThat(csp.split("; "))
                .contains("default-src 'self'", "worker-src 'self'", "connect-src 'self'", "object-src 'none'",
                        "frame-ancestors 'none'", "base-uri 'self'")
                .anySatisfy(d -> org.assertj.core.api.Assertions.assertThat(d).startsWith("script-src 'self'").contains("'wasm-unsafe-eval'")
                        .doesNotContain("*").doesNotContain("http").doesNotContain("data:").doesNotContain("blob:"));
        org.assertj.core.api.Assertions.assertThat(ContentSecurityPolicy.header(java.util.List.of("http://127.0.0.1:*", " ")))
                .contains("connect-src 'self' http://127.0.0.1:*;");
    }
}
