package org.calibra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.calibra.support.ArchiveCase;
import org.calibra.support.ContentCopy;
import org.calibra.support.Orthanc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A resident reads a case whose images are kept in a real Orthanc: this journey starts its own app (the shared one
 * cannot know about an archive that exists only during the test) with the demo content plus the archive case, and the
 * viewer shows the series — fetched by the browser from the app's /dicomweb, never from the archive.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ExternalArchiveE2E {

    private static Orthanc orthanc;
    private static Path content;

    @LocalServerPort int port;

    @BeforeAll
    static void anArchiveWithTheSeries() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("calibra.e2e.skip"), "end-to-end tests skipped (-DskipE2E=true)");
        orthanc = Orthanc.start(8043);
        var archive = ArchiveCase.upload(orthanc, 256, 20);
        content = Files.createTempDirectory("calibra-archive-e2e");
        archive.writeContent(ContentCopy.into(content), content.resolve("curricula"), orthanc.dicomWebRoot());
    }

    @DynamicPropertySource
    static void contentWithTheArchiveCase(DynamicPropertyRegistry registry) {
        registry.add("calibra.content.cases-dir", () -> content.resolve("cases").toString());
        registry.add("calibra.content.curricula-dir", () -> content.resolve("curricula").toString());
        registry.add("calibra.demo-users.enabled", () -> "true");
        registry.add("vaadin.productionMode", () -> "true"); // the built frontend bundle in target/classes, as in the jar
    }

    @AfterAll
    static void stop() {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    @Test
    void a_resident_reads_a_case_whose_images_are_in_the_hospital_archive() {
        try (var browser = new Browser("http://localhost:" + port)) {
            var reading = LoginPage.open(browser).signInAs("resident", "resident").openModule(ArchiveCase.MODULE_ID).start();
            var viewer = ViewerPanel.readingViewer(browser);
            viewer.waitForAttribute("data-state", "ready");
            assertThat(viewer.attribute("data-transport")).isEqualTo("wadors");
            viewer.waitForAttribute("data-all-loaded", "20");
            @SuppressWarnings("unchecked")
            List<String> urls = (List<String>) browser.driver.executeScript("return performance.getEntriesByType('resource').map(e => e.name);");
            assertThat(urls).anyMatch(u -> u.contains("/dicomweb/cases/") && u.endsWith("/frames/1"));
            assertThat(urls).as("the browser never talks to the archive").noneMatch(u -> u.contains(":8043"));
            assertThat(ViewerPanel.distinctGreyLevels(viewer.screenshot("viewport"))).as("CT pixels on the canvas").isGreaterThan(20);
            assertThat(reading.imageCount()).isEqualTo(20);
            browser.screenshot("archive-case");
        }
    }
}
