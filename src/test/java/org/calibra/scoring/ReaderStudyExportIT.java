package org.calibra.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipInputStream;
import org.calibra.reading.ReadPhase;
import org.calibra.reading.ReadSubmission;
import org.calibra.reading.ReadingService;
import org.calibra.scoring.domain.roc.FrocFom;
import org.calibra.scoring.jafroc.CaseMapping;
import org.calibra.scoring.jafroc.JafrocCsv;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.support.IntegrationTest;
import org.calibra.support.ReadingScenario;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** A second-reader module exported as a JAFROC study: two modalities, pseudonymous residents, the AI as a reader. */
@IntegrationTest
class ReaderStudyExportIT {

    @Autowired ApplicationContext context;
    @Autowired ReaderStudyExport export;
    @Autowired ReadingService reading;

    @TempDir
    Path tmp;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    @Test
    void finished_residents_and_the_ai_are_exported_in_both_modalities_and_read_back_by_the_jafroc_reader() throws Exception {
        var scenario = new ReadingScenario(context, "second-opinion");
        long module = scenario.module().id();
        SignedIn.as("educator", "EDUCATOR");
        var before = export.availability(module);
        assertThat(before.exportable()).isFalse();
        assertThat(before.inWords()).startsWith("Nothing to export yet: no resident has read the module's minimum of 6 cases")
                .contains("both the first read and the final read");
        assertThatThrownBy(() -> export.export(module)).isInstanceOf(ReaderStudyExport.ExportException.class)
                .as("the export refuses with the words the page shows").hasMessage(before.inWords());
        SignedIn.clear();

        readFirstThree("study-partial");
        SignedIn.as("educator", "EDUCATOR");
        var partial = export.availability(module);
        assertThat(partial.exportable()).isFalse();
        assertThat(partial.residentsStarted()).isEqualTo(before.residentsStarted() + 1);
        assertThat(partial.residentsFinished()).isZero();
        assertThat(partial.inWords()).contains("started it; none has read 6 cases yet (the most read so far in a latest attempt: 3)");
        SignedIn.clear();

        readWholeModule("study-perfect", true);
        readWholeModule("study-wrong", false);

        SignedIn.as("educator", "EDUCATOR");
        var ready = export.availability(module);
        assertThat(ready.exportable()).isTrue();
        assertThat(ready.residentsStarted()).isEqualTo(before.residentsStarted() + 3);
        assertThat(ready.residentsFinished()).isEqualTo(2);
        assertThat(ready.residentsIncluded()).isEqualTo(2);
        assertThat(ready.cases()).isEqualTo(6);
        assertThat(ready.inWords()).startsWith("Ready to export: 2 of the ").contains("the study holds 2 residents and the AI over 6 shared cases");
        byte[] zip = export.zip(module);
        unzip(zip, tmp);
        var study = JafrocCsv.read(tmp);

        assertThat(study.modalities()).containsExactly("unaided", "with-ai");
        assertThat(study.readers()).hasSize(3).contains(ReaderStudyExport.AI_READER).allSatisfy(r -> assertThat(r).matches("R\\d+|AI"));
        String perfect = "R" + context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .queryForObject("select id from user_account where username = 'study-perfect'", Long.class);
        assertThat(study.readers()).contains(perfect);
        var perfectWithAi = study.dataset(perfect, "with-ai");
        assertThat(perfectWithAi.caseCount()).as("the perfect reader passed, and stopped, after 6").isEqualTo(6);
        assertThat(FrocFom.WAFROC.valueOf(perfectWithAi)).as("every lesion marked, no false marks").isEqualTo(1.0);
        String readme = Files.readString(tmp.resolve("README.txt"));
        assertThat(readme).contains("Left out: reader R").contains("read 3 of 7 cases in both modalities")
                .contains("Included: 2 resident reader(s) and the AI, 6 cases").contains("cases.csv maps each");
        assertThat(Files.readString(tmp.resolve("truth.csv"))).doesNotContain("study-perfect").doesNotContain("Test ");

        // integer case ids 1..n (RJafroc needs them), read back by our own JAFROC reader, and cases.csv says what each is
        var ids = java.util.stream.Stream.concat(study.truth().normals().stream(), study.truth().abnormals().stream())
                .map(org.calibra.scoring.domain.roc.FrocCase::id).toList();
        assertThat(ids).allMatch(id -> id.matches("\\d+"));
        assertThat(ids.stream().map(Integer::parseInt).sorted().toList()).containsExactly(1, 2, 3, 4, 5, 6);
        for (String slug : scenario.module().caseSlugs()) {
            assertThat(Files.readString(tmp.resolve("truth.csv"))).as("no case slug in the JAFROC tables").doesNotContain(slug);
        }
        var mapping = CaseMapping.read(tmp.resolve("cases.csv"));
        assertThat(mapping.entries()).hasSize(6);
        assertThat(mapping.disagreementsWith(study)).as("every case mapped once, with its truth and lesions").isEmpty();
        assertThat(mapping.entries()).allSatisfy(e -> {
            assertThat(scenario.module().caseSlugs()).contains(e.slug());
            assertThat(e.version()).isPositive();
        });
        assertThat(export.export(module).cases()).as("the same numbering every time").isEqualTo(mapping);
    }

    @Test
    void residents_cannot_export_and_the_http_endpoint_answers_by_role() throws Exception {
        TestAccounts.create(context, "nosy", Role.RESIDENT);
        SignedIn.as("nosy", "RESIDENT");
        long module = new ReadingScenario(context, "first-reads").module().id();
        assertThatThrownBy(() -> export.export(module)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> context.getBean(org.calibra.reading.AttemptOversight.class).latestAttemptsOfModule(module)).isInstanceOf(AccessDeniedException.class);
        SignedIn.clear();

        var mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        String url = "/export/modules/" + module + "/jafroc.zip";
        mvc.perform(get(url).with(user("nosy").roles("RESIDENT"))).andExpect(status().isForbidden());
        mvc.perform(get(url)).andExpect(status().is3xxRedirection()); // to the login page
        long unread = new ReadingScenario(context, "ask-when-needed").module().id();
        mvc.perform(get("/export/modules/" + unread + "/jafroc.zip").with(user("educator").roles("EDUCATOR")))
                .andExpect(status().isConflict())
                // the sentence the app's own error page shows (MockMvc stops before the error dispatch that renders it)
                .andExpect(r -> assertThat((String) r.getRequest().getAttribute(org.calibra.shared.web.ErrorDetails.ATTRIBUTE))
                        .startsWith("Nothing to export yet: no resident has read the module's minimum"));
    }

    private void readWholeModule(String user, boolean right) {
        TestAccounts.create(context, user, Role.RESIDENT);
        SignedIn.as(user, "RESIDENT");
        var scenario = new ReadingScenario(context, "second-opinion");
        reading.startOrResume(scenario.module().id());
        for (var entry : scenario.cases()) {
            if (reading.currentAttempt(scenario.module().id()).orElseThrow().status() != org.calibra.reading.AttemptInfo.Status.IN_PROGRESS) {
                break; // passed (or failed for good): a resident reads no further
            }
            var s = scenario.submission(entry, right);
            reading.submit(new ReadSubmission(s.moduleId(), s.caseVersionId(), s.openedAt(), s.assessmentAbnormal(), s.diagnosis(),
                    s.overallConfidence(), s.marks(), ReadSubmission.AiExposure.none(), ReadPhase.INITIAL));
            reading.submit(s);
        }
        SignedIn.clear();
    }

    private void readFirstThree(String user) {
        TestAccounts.create(context, user, Role.RESIDENT);
        SignedIn.as(user, "RESIDENT");
        var scenario = new ReadingScenario(context, "second-opinion");
        reading.startOrResume(scenario.module().id());
        for (var entry : scenario.cases().subList(0, 3)) {
            var s = scenario.submission(entry, true);
            reading.submit(new ReadSubmission(s.moduleId(), s.caseVersionId(), s.openedAt(), s.assessmentAbnormal(), s.diagnosis(),
                    s.overallConfidence(), s.marks(), ReadSubmission.AiExposure.none(), ReadPhase.INITIAL));
            reading.submit(s);
        }
        SignedIn.clear();
    }

    private static void unzip(byte[] zip, Path dir) throws Exception {
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Files.write(dir.resolve(e.getName()), in.readAllBytes());
            }
        }
    }
}
