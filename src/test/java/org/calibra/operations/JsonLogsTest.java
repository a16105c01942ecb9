package org.calibra.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The json-logs profile (docs/deployment.md, "Logs") turns the console into one JSON object a line. */
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsTest {

    @Configuration(proxyBeanMethods = false)
    static class NothingButLogging {
    }

    @Test
    void the_json_logs_profile_writes_each_line_as_an_ecs_json_object(CapturedOutput output) {
        start("json-logs");
        LoggerFactory.getLogger(JsonLogsTest.class).warn("Content loaded from cases and curricula");
        String line = output.getOut().lines().filter(l -> l.contains("Content loaded from cases and curricula")).findFirst().orElseThrow();
        JsonNode json = JsonMapper.builder().build().readTree(line);
        assertThat(json.get("message").asString()).isEqualTo("Content loaded from cases and curricula");
        assertThat(json.has("@timestamp")).isTrue();
        assertThat(json.at("/service/name").asString()).isEqualTo("calibra");
        assertThat(json.at("/log/level").isMissingNode() ? json.get("log.level").asString() : json.at("/log/level").asString()).isEqualTo("WARN");
    }

    @Test
    void without_it_the_console_stays_plain_text(CapturedOutput output) {
        start();
        LoggerFactory.getLogger(JsonLogsTest.class).warn("A plain line for a person");
        String line = output.getOut().lines().filter(l -> l.contains("A plain line for a person")).findFirst().orElseThrow();
        assertThat(line).doesNotStartWith("{").contains("WARN");
    }

    /**
     * Boot hands the format on to Logback as a system property and keeps an earlier value, so each test starts without
     * it, and the plain console is set up again for whatever runs next in this JVM.
     */
    @BeforeEach
    @AfterEach
    void plainLogsAgain() {
        System.clearProperty(LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT.getEnvironmentVariableName());
        start();
    }

    /** A context with no beans: only Boot's logging set-up, from the application's own properties and the profiles. */
    private static void start(String... profiles) {
        new SpringApplicationBuilder(NothingButLogging.class).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false).profiles(profiles).run().close();
    }
}
