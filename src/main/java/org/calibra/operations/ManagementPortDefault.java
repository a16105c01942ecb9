package org.calibra.operations;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The management port when none is configured: {@code CALIBRA_MANAGEMENT_PORT}, else 8081 — or a free port when the
 * application itself asked for one ({@code server.port=0}: tests, benches), so two instances on one machine never
 * fight over 8081. An explicit {@code management.server.port} always wins.
 */
class ManagementPortDefault implements EnvironmentPostProcessor {

    static final int DEFAULT_PORT = 8081;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("management.server.port")) {
            return;
        }
        String configured = environment.getProperty("CALIBRA_MANAGEMENT_PORT");
        String port = configured != null && !configured.isBlank() ? configured.strip()
                : "0".equals(environment.getProperty("server.port", "8080").strip()) ? "0" : String.valueOf(DEFAULT_PORT);
        environment.getPropertySources().addLast(new MapPropertySource("calibra-management-port", Map.of("management.server.port", port)));
    }
}
