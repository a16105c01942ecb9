package org.calibra.curriculum.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.calibra.shared.content.ContentException;
import org.calibra.shared.content.ContentProblem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CurriculumReader} over the real curriculum and over edited copies of it in a temporary folder. */
class CurriculumReaderTest {

    private static final Path REAL = Path.of("curricula/ai-reading-foundations.yaml");
    private static final String NAME = "ai-reading-foundations.yaml";
    private static final String DISPLAY = "curricula/" + NAME;

    private static Set<String> knownCaseIds;

    @TempDir
    Path tmp;

    @BeforeAll
    static void readCaseIds() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("cases"))) {
            knownCaseIds = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void the_real_curriculum_reads_with_its_seven_cases() {
        var checked = CurriculumReader.read(REAL, DISPLAY, knownCaseIds);
        var m = checked.manifest();
        assertThat(m.id()).isEqualTo("ai-reading-foundations");
        assertThat(m.modules()).singleElement().satisfies(mod -> {
            assertThat(mod.id()).isEqualTo("first-reads");
            assertThat(mod.readingMode()).isEqualTo("concurrent");
            assertThat(mod.cases()).hasSize(7).allSatisfy(id -> assertThat(knownCaseIds).contains(id));
            assertThat(mod.minimumCases()).isEqualTo(6);
            assertThat(mod.thresholds()).extracting(CurriculumManifest.ThresholdSpec::metric).containsExactly("sensitivity", "specificity");
        });
    }

    @Test
    void an_unknown_case_id_is_reported_on_its_position_in_the_module() throws IOException {
        Path file = copy(NAME);
        edit(file, "      - mr-brain-0417", "      - mr-brian-0417");
        ContentProblem p = single(file);
        assertThat(p.file()).isEqualTo(DISPLAY);
        assertThat(p.field()).isEqualTo("modules[0].cases[4]");
        assertThat(p.message()).isEqualTo("'mr-brian-0417' is not a case in cases/");
    }

    @Test
    void a_case_id_unknown_because_its_folder_failed_to_load_is_reported() throws IOException {
        Path file = copy(NAME);
        var fewer = knownCaseIds.stream().filter(id -> !id.equals("nm-bone-scan-injection-site")).collect(Collectors.toSet());
        ContentProblem p = single(file, fewer);
        assertThat(p.field()).isEqualTo("modules[0].cases[2]");
        assertThat(p.message()).contains("'nm-bone-scan-injection-site' is not a case in cases/");
    }

    @Test
    void a_duplicate_module_id_is_reported_on_the_second_module() throws IOException {
        Path file = copy(NAME);
        String text = Files.readString(file);
        String module = text.substring(text.indexOf("  - id: first-reads"));
        Files.writeString(file, text + module);
        ContentProblem p = single(file);
        assertThat(p.file()).isEqualTo(DISPLAY);
        assertThat(p.field()).isEqualTo("modules[1].id");
        assertThat(p.message()).isEqualTo("'first-reads' is used twice; module ids must be unique");
    }

    @Test
    void minimum_cases_above_the_number_of_cases_is_reported_with_both_numbers() throws IOException {
        Path file = copy(NAME);
        edit(file, "    minimumCases: 6", "    minimumCases: 8");
        ContentProblem p = single(file);
        assertThat(p.field()).isEqualTo("modules[0].minimumCases");
        assertThat(p.message()).isEqualTo("8 is more than the module's 7 case(s)");
    }

    @Test
    void minimum_cases_equal_to_the_number_of_cases_is_allowed() throws IOException {
        Path file = copy(NAME);
        edit(file, "    minimumCases: 6", "    minimumCases: 7");
        assertThat(CurriculumReader.read(file, DISPLAY, knownCaseIds).manifest().modules().getFirst().minimumCases()).isEqualTo(7);
    }

    @Test
    void an_unknown_threshold_metric_is_rejected_by_the_schema_enum() throws IOException {
        Path file = copy(NAME);
        edit(file, "      - metric: sensitivity", "      - metric: recall");
        ContentProblem p = single(file);
        assertThat(p.file()).isEqualTo(DISPLAY);
        // Schema path as YamlDocuments reports it today (JSON Pointer, not "modules[0].thresholds[0].metric").
        assertThat(p.field()).isEqualTo("modules[0].thresholds[0].metric");
        assertThat(p.message()).isEqualTo("does not have a value in the enumeration [\"sensitivity\", \"specificity\", \"accuracy\", \"lesionLocalisationFraction\"]");
    }

    @Test
    void a_bad_reading_mode_is_rejected_by_the_schema_enum() throws IOException {
        Path file = copy(NAME);
        edit(file, "    readingMode: concurrent", "    readingMode: second-read");
        ContentProblem p = single(file);
        assertThat(p.field()).isEqualTo("modules[0].readingMode"); // schema path as reported today
        assertThat(p.message()).isEqualTo("does not have a value in the enumeration [\"unaided\", \"concurrent\", \"second-reader\", \"on-request\"]");
    }

    @Test
    void an_id_that_differs_from_the_file_name_is_reported_on_the_id_field() throws IOException {
        Path file = copy("reading-with-ai.yaml");
        ContentProblem p = single(file, knownCaseIds, "curricula/reading-with-ai.yaml");
        assertThat(p.file()).isEqualTo("curricula/reading-with-ai.yaml");
        assertThat(p.field()).isEqualTo("id");
        assertThat(p.message()).isEqualTo("'ai-reading-foundations' must equal the file name 'reading-with-ai'");
    }

    @Test
    void a_case_listed_twice_is_rejected_naming_the_case() throws IOException {
        Path file = copy(NAME);
        edit(file, "      - mr-brain-0417", "      - mr-brain-0417\n      - mr-iac-schwannoma-detected");
        ContentProblem p = single(file);
        assertThat(p.file()).isEqualTo(DISPLAY);
        assertThat(p.field()).isEqualTo("modules[0].cases[5]");
        assertThat(p.message()).isEqualTo("'mr-iac-schwannoma-detected' is listed twice");
    }

    @Test
    void two_problems_in_one_module_are_both_reported() throws IOException {
        Path file = copy(NAME);
        edit(file, "      - mr-brain-0417", "      - mr-brian-0417");
        edit(file, "    minimumCases: 6", "    minimumCases: 9");
        assertThat(problems(file, knownCaseIds, DISPLAY)).extracting(ContentProblem::field)
                .containsExactlyInAnyOrder("modules[0].cases[4]", "modules[0].minimumCases");
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private Path copy(String fileName) throws IOException {
        return Files.copy(REAL, tmp.resolve(fileName));
    }

    /** Replaces text in the copy; fails if the text is not there, so a test cannot silently edit nothing. */
    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private static List<ContentProblem> problems(Path file, Set<String> caseIds, String display) {
        ContentException e = catchThrowableOfType(ContentException.class, () -> CurriculumReader.read(file, display, caseIds));
        assertThat(e).as("reading %s should fail", file.getFileName()).isNotNull();
        return e.problems();
    }

    private static ContentProblem single(Path file) {
        return single(file, knownCaseIds);
    }

    private static ContentProblem single(Path file, Set<String> caseIds) {
        return single(file, caseIds, DISPLAY);
    }

    private static ContentProblem single(Path file, Set<String> caseIds, String display) {
        List<ContentProblem> problems = problems(file, caseIds, display);
        assertThat(problems).as("problems").hasSize(1);
        return problems.getFirst();
    }
}
