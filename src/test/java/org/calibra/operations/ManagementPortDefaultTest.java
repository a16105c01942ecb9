package org.calibra.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class ManagementPortDefaultTest {

    private static String portWith(MockEnvironment environment) {
        new ManagementPortDefault().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("management.server.port");
    }

    @Test
    void the_management_port_is_8081_beside_the_default_8080_or_a_fixed_public_port() {
        assertThat(portWith(new MockEnvironment())).isEqualTo("8081");
        assertThat(portWith(new MockEnvironment().withProperty("server.port", "9000"))).isEqualTo("8081");
    }

    @Test
    void an_application_asking_for_a_free_public_port_gets_a_free_management_port_too() {
        assertThat(portWith(new MockEnvironment().withProperty("server.port", "0"))).isEqualTo("0");
    }

    @Test
    void the_environment_variable_or_an_explicit_property_wins() {
        assertThat(portWith(new MockEnvironment().withProperty("server.port", "0").withProperty("CALIBRA_MANAGEMENT_PORT", "9101"))).isEqualTo("9101");
        assertThat(portWith(new MockEnvironment().withProperty("management.server.port", "9202").withProperty("CALIBRA_MANAGEMENT_PORT", "9101")))
                .isEqualTo("9202");
    }
}
