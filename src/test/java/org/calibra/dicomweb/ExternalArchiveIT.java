package org.calibra.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;
import org.calibra.casebank.CaseService;
import org.calibra.casebank.dicom.DicomHeaders;
import org.calibra.support.ArchiveCase;
import org.calibra.support.ContentCopy;
import org.calibra.support.ContextSecurityStrategy;
import org.calibra.support.Orthanc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * A case whose images live in a real Orthanc (DICOMweb plugin): the loader fetches the series' metadata at start-up
 * and orders the slices along the normal although the archive holds them shuffled; the app then serves search,
 * metadata and frames for it, fetching frames from Orthanc itself, under the app's access rule — and the archive's
 * address never reaches the client.
 */
@SpringBootTest
@ActiveProfiles("test")
@ExtendWith(ContextSecurityStrategy.class)
class ExternalArchiveIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Orthanc orthanc;
    private static ArchiveCase archive;
    private static Path content;

    @Autowired WebApplicationContext web;
    @Autowired CaseService cases;

    @BeforeAll
    static void anArchiveWithTheSeries() throws Exception {
        orthanc = Orthanc.start(8043);
        archive = ArchiveCase.upload(orthanc, 64, 12);
        content = Files.createTempDirectory("calibra-archive-it");
        Path casesDir = ContentCopy.into(content);
        archive.writeContent(casesDir, content.resolve("curricula"), orthanc.dicomWebRoot());
    }

    @DynamicPropertySource
    static void contentWithTheArchiveCase(DynamicPropertyRegistry registry) {
        registry.add("calibra.content.cases-dir", () -> content.resolve("cases").toString());
        registry.add("calibra.content.curricula-dir", () -> content.resolve("curricula").toString());
    }

    @AfterAll
    static void stop() {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    @Test
    void the_archive_case_is_served_through_the_app_in_slice_order_with_the_archives_bytes() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        long version = cases.latestVersionId(ArchiveCase.CASE_ID).orElseThrow();
        var files = cases.imageFiles(version).orElseThrow();
        assertThat(files).hasSize(12).allSatisfy(f -> assertThat(f.external()).isTrue());
        for (int i = 0; i < 12; i++) {
            String expected = DicomHeaders.read(archive.slices.get(i)).sopInstanceUid();
            assertThat(files.get(i).sopUid()).as("stack entry %d in slice order", i).isEqualTo(expected);
        }

        var search = mvc.perform(get("/dicomweb/cases/" + version + "/instances").with(user("educator").roles("EDUCATOR"))).andReturn().getResponse();
        assertThat(search.getStatus()).isEqualTo(200);
        assertThat(JSON.readTree(search.getContentAsString())).hasSize(12);

        String series = "/dicomweb/cases/" + version + "/studies/" + files.getFirst().studyUid() + "/series/" + files.getFirst().seriesUid();
        var metadata = mvc.perform(get(series + "/metadata").with(user("educator").roles("EDUCATOR"))).andReturn().getResponse();
        assertThat(metadata.getStatus()).isEqualTo(200);
        assertThat(metadata.getContentAsString()).contains("\"00280010\":{\"vr\":\"US\",\"Value\":[64]}")
                .as("the archive's address stays on the server").doesNotContain("8043").doesNotContain("BulkDataURI");
        assertThat(metadata.getContentAsString()).as("the archive's patient module and study identifiers stay on the server")
                .doesNotContain("\"00100010\"").doesNotContain("\"00100020\"").doesNotContain("\"00100030\"").doesNotContain("\"00080050\"");

        String instance = series + "/instances/" + files.get(3).sopUid();
        assertThat(mvc.perform(get(instance).with(user("educator").roles("EDUCATOR"))).andReturn().getResponse().getStatus())
                .as("a whole archive instance, identity included, is never handed out").isEqualTo(403);
        var frame = mvc.perform(get(instance + "/frames/1").with(user("educator").roles("EDUCATOR"))
                .header("Accept", "multipart/related; type=application/octet-stream; transfer-syntax=*")).andReturn().getResponse();
        assertThat(frame.getStatus()).isEqualTo(200);
        assertThat(frame.getHeader("ETag")).isNotBlank();
        var parts = DicomWebIT.parts(frame);
        assertThat(parts).hasSize(1);
        assertThat(parts.getFirst().body()).hasSize(64 * 64 * 2);
        assertThat(DicomWebIT.indexOf(archive.slices.get(3), parts.getFirst().body())).as("slice 3's own pixels").isPositive();
        assertThat(mvc.perform(get(instance + "/frames/1").with(user("educator").roles("EDUCATOR")).header("If-None-Match", frame.getHeader("ETag")))
                .andReturn().getResponse().getStatus()).isEqualTo(304);

        // same access rule as local images: a resident without the case in a draw, and a verifier, get nothing
        assertThat(mvc.perform(get(instance + "/frames/1").with(user("resident").roles("RESIDENT"))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get(series + "/metadata").with(user("verifier").roles("VERIFIER"))).andReturn().getResponse().getStatus()).isEqualTo(404);
    }
}
