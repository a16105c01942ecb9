package org.calibra.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.calibra.casebank.CaseService;
import org.calibra.content.ContentLoader;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.support.ContentCopy;
import org.calibra.support.IntegrationTest;
import org.calibra.support.ReadingScenario;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Exam integrity for key images (ADR 0024): a key image shows the answer, so a resident whose draw holds the case gets "not
 * found" for it — through its own door and through the image and heatmap doors — until their read of that version is
 * submitted; staff see it; other residents and verifiers never.
 */
@IntegrationTest
class KeyImageAccessIT {

    @Autowired WebApplicationContext web;
    @Autowired ApplicationContext context;
    @Autowired CaseService cases;
    @Autowired ReadingService reading;
    @Autowired ContentLoader loader;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    @Test
    void a_key_image_reaches_a_resident_only_after_their_read_of_that_version_is_submitted(@TempDir Path tmp) throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        TestAccounts.create(context, "key-reader", Role.RESIDENT);
        TestAccounts.create(context, "key-stranger", Role.RESIDENT);
        SignedIn.as("key-reader", "RESIDENT");
        var scenario = new ReadingScenario(context);
        reading.startOrResume(scenario.module().id());
        String slug = scenario.cases().getFirst().slug();

        ContentCopy.into(tmp);
        Path folder = tmp.resolve("cases").resolve(slug);
        Files.write(folder.resolve("key-image-1.png"), png());
        Files.writeString(folder.resolve("case.yaml"), Files.readString(folder.resolve("case.yaml"))
                + "keyImages:\n  - file: key-image-1.png\n    imageIndex: 0\n    caption: \"The finding, circled\"\n");
        try {
            loader.load(tmp.resolve("cases"), tmp.resolve("curricula"));
            var entry = scenario.cases().stream().filter(e -> e.slug().equals(slug)).findFirst().orElseThrow();
            assertThat(entry.caseVersionId()).isEqualTo(cases.latestVersionId(slug).orElseThrow());
            var keyImage = cases.truth(entry.caseVersionId()).orElseThrow().keyImages().getFirst();
            assertThat(keyImage.caption()).isEqualTo("The finding, circled");
            String url = keyImage.url();
            String sha = url.substring(CaseService.KEY_IMAGE_URL_PREFIX.length());

            assertThat(status(mvc, "key-reader", "RESIDENT", url)).as("drawn, read not submitted").isEqualTo(404);
            assertThat(status(mvc, "key-reader", "RESIDENT", CaseService.DICOM_URL_PREFIX + sha)).as("not through the image door").isEqualTo(404);
            assertThat(status(mvc, "key-reader", "RESIDENT", CaseService.HEATMAP_URL_PREFIX + sha)).as("nor the heatmap door").isEqualTo(404);
            assertThat(status(mvc, "educator", "EDUCATOR", url)).isEqualTo(200);
            assertThat(status(mvc, "admin", "ADMIN", url)).isEqualTo(200);
            assertThat(status(mvc, "verifier", "VERIFIER", url)).isEqualTo(404);
            assertThat(mvc.perform(get(url)).andReturn().getResponse().getStatus()).as("not signed in").isNotEqualTo(200);

            SignedIn.as("key-reader", "RESIDENT");
            scenario.readCorrectly(entry);
            var response = mvc.perform(get(url).with(user("key-reader").roles("RESIDENT"))).andReturn().getResponse();
            assertThat(response.getStatus()).as("after the read is submitted").isEqualTo(200);
            assertThat(response.getContentType()).isEqualTo("image/png");
            assertThat(status(mvc, "key-stranger", "RESIDENT", url)).as("another resident").isEqualTo(404);
        } finally {
            SignedIn.clear();
            loader.load(Path.of("cases"), Path.of("curricula")); // the repository content again
        }
    }

    private static int status(MockMvc mvc, String username, String role, String url) throws Exception {
        return mvc.perform(get(url).with(user(username).roles(role))).andReturn().getResponse().getStatus();
    }

    private static byte[] png() throws Exception {
        var image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(20, 15, 0xffff00);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
