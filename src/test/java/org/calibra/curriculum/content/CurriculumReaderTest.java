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
        assertThat(p.message()).isEqualTo("8 is more than the 7 case(s) an attempt reads");
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
        assertThat(p.message()).startsWith("does not have a value in the enumeration [\"sensitivity\", \"specificity\", \"accuracy\", "
                + "\"lesionLocalisationFraction\", \"nlPerCase\", \"rocAuc\", \"wAFROC\", \"overReliance\"");
    }

    @Test
    void an_upper_limit_on_over_reliance_and_a_lower_bound_on_wafroc_are_read() throws IOException {
        Path file = copy(NAME);
        edit(file, "      - metric: sensitivity\n        min: 0.6\n        bound: point",
                "      - metric: overReliance\n        max: 0.25\n        bound: upper\n      - metric: wAFROC\n        min: 0.7\n        bound: lower");
        var mod = CurriculumReader.read(file, DISPLAY, knownCaseIds).manifest().modules().getFirst();
        assertThat(mod.thresholds()).extracting(CurriculumManifest.ThresholdSpec::metric, CurriculumManifest.ThresholdSpec::min,
                CurriculumManifest.ThresholdSpec::max, CurriculumManifest.ThresholdSpec::bound).containsExactly(
                org.assertj.core.groups.Tuple.tuple("overReliance", null, 0.25, "upper"),
                org.assertj.core.groups.Tuple.tuple("wAFROC", 0.7, null, "lower"),
                org.assertj.core.groups.Tuple.tuple("specificity", 0.6, null, "point"));
    }

    @Test
    void a_bound_on_the_wrong_side_of_its_limit_is_reported_with_the_right_one() throws IOException {
        Path file = copy(NAME);
        edit(file, "      - metric: sensitivity\n        min: 0.6\n        bound: point", "      - metric: sensitivity\n        min: 0.6\n        bound: upper");
        ContentProblem p = single(file);
        assertThat(p.field()).isEqualTo("modules[0].thresholds[0].bound");
        assertThat(p.message()).isEqualTo("'upper' goes with max; with min use 'lower' (or 'point')");
    }

    @Test
    void both_min_and_max_or_neither_is_rejected_by_the_schema() throws IOException {
        Path both = copy(NAME);
        edit(both, "        min: 0.6\n        bound: point\n      - metric: specificity", "        min: 0.6\n        max: 0.9\n        bound: point\n      - metric: specificity");
        assertThat(problems(both, knownCaseIds, DISPLAY)).isNotEmpty().allSatisfy(p -> assertThat(p.field()).startsWith("modules[0].thresholds[0]"));
    }

    @Test
    void an_interval_bound_on_false_marks_per_case_is_reported_as_having_no_interval() throws IOException {
        Path file = copy(NAME);
        edit(file, "      - metric: sensitivity\n        min: 0.6\n        bound: point", "      - metric: nlPerCase\n        max: 1.5\n        bound: upper");
        ContentProblem p = single(file);
        assertThat(p.field()).isEqualTo("modules[0].thresholds[0].bound");
        assertThat(p.message()).isEqualTo("'nlPerCase' has no confidence interval; use 'point'");
    }

    /** The second-reader demo curriculum with its first threshold replaced by {@code threshold} (YAML lines of the list item). */
    private Path secondReaderWith(String threshold) throws IOException {
        Path file = tmp.resolve("ai-second-opinion.yaml");
        Files.copy(Path.of("curricula/ai-second-opinion.yaml"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        edit(file, "      - metric: sensitivity\n        min: 0.6\n", threshold);
        return file;
    }

    @Test
    void an_ai_effect_threshold_with_a_negative_margin_on_the_lower_bound_is_read_in_a_second_reader_module() throws IOException {
        Path file = secondReaderWith("      - metric: aiEffect\n        min: -0.1\n        bound: lower\n");
        var mod = CurriculumReader.read(file, "curricula/ai-second-opinion.yaml", knownCaseIds).manifest().modules().getFirst();
        assertThat(mod.thresholds().getFirst()).isEqualTo(new CurriculumManifest.ThresholdSpec("aiEffect", -0.1, null, "lower"));
    }

    @Test
    void an_ai_effect_below_minus_one_is_refused_naming_file_field_and_value() throws IOException {
        Path file = secondReaderWith("      - metric: aiEffect\n        min: -1.5\n");
        var problems = problems(file, knownCaseIds, "curricula/ai-second-opinion.yaml");
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("curricula/ai-second-opinion.yaml");
            assertThat(p.field()).isEqualTo("modules[0].thresholds[0].min");
        });
        assertThat(problems.stream().map(ContentProblem::message).toList().toString()).contains("-1.5");
    }

    @Test
    void an_ai_effect_above_one_and_an_ai_effect_with_max_are_refused_in_words() throws IOException {
        ContentProblem above = single(secondReaderWith("      - metric: aiEffect\n        min: 1.5\n"), knownCaseIds, "curricula/ai-second-opinion.yaml");
        assertThat(above.field()).isEqualTo("modules[0].thresholds[0].min");
        assertThat(above.message()).isEqualTo("1.5 is outside -1 to 1; 'aiEffect' is the ROC AUC with the AI minus without, a difference between -1 and 1");
        ContentProblem max = single(secondReaderWith("      - metric: aiEffect\n        max: 0.2\n"), knownCaseIds, "curricula/ai-second-opinion.yaml");
        assertThat(max.field()).isEqualTo("modules[0].thresholds[0].max");
        assertThat(max.message()).startsWith("'aiEffect' takes min");
    }

    @Test
    void an_ai_effect_in_a_module_without_unaided_reads_is_refused_naming_its_reading_mode() throws IOException {
        Path file = copy(NAME);
        edit(file, "      - metric: sensitivity\n        min: 0.6\n", "      - metric: aiEffect\n        min: 0\n");
        ContentProblem p = single(file);
        assertThat(p.field()).isEqualTo("modules[0].thresholds[0].metric");
        assertThat(p.message()).contains("only a 'second-reader' module has").contains("readingMode is 'concurrent'");
    }

    @Test
    void a_negative_limit_on_any_other_metric_is_refused() throws IOException {
        Path file = copy(NAME);
        edit(file, "      - metric: sensitivity\n        min: 0.6\n", "      - metric: sensitivity\n        min: -0.2\n");
        ContentProblem p = single(file);
        assertThat(p.field()).isEqualTo("modules[0].thresholds[0].min");
        assertThat(p.message()).isEqualTo("-0.2 is below 0; 'sensitivity' is never negative (only 'aiEffect' takes a negative min)");
    }

    @Test
    void the_metric_names_curricula_accept_are_exactly_those_scoring_evaluates() {
        assertThat(org.calibra.curriculum.MetricLabels.KEYS).containsExactlyElementsOf(
                java.util.Arrays.stream(org.calibra.competency.domain.Metric.values()).map(org.calibra.competency.domain.Metric::key).toList());
        assertThat(org.calibra.curriculum.MetricLabels.POINT_ONLY).containsExactlyElementsOf(
                java.util.Arrays.stream(org.calibra.competency.domain.Metric.values()).filter(m -> !m.hasInterval()).map(org.calibra.competency.domain.Metric::key).toList());
    }

    @Test
    void a_tag_query_adds_every_case_carrying_all_its_tags_after_the_explicit_cases() throws IOException {
        Path file = copy(NAME);
        edit(file, "    cases:\n", "    caseTags: [[chest, ct]]\n    cases:\n");
        var known = new java.util.LinkedHashMap<String, CurriculumReader.KnownCase>();
        knownCaseIds.forEach(id -> known.put(id, new CurriculumReader.KnownCase(Set.of(), null)));
        known.put("zz-ct-chest", new CurriculumReader.KnownCase(Set.of("chest", "ct", "synthetic"), true));
        known.put("zz-ct-head", new CurriculumReader.KnownCase(Set.of("head", "ct"), false));
        var checked = CurriculumReader.read(file, DISPLAY, known);
        var pool = checked.pool("first-reads");
        assertThat(pool).hasSize(8).endsWith("zz-ct-chest").doesNotContain("zz-ct-head");
    }

    @Test
    void a_tag_query_that_matches_nothing_is_reported() throws IOException {
        Path file = copy(NAME);
        edit(file, "    cases:\n", "    caseTags: [[no-such-tag]]\n    cases:\n");
        ContentProblem p = single(file);
        assertThat(p.field()).isEqualTo("modules[0].caseTags[0]");
        assertThat(p.message()).isEqualTo("[no-such-tag] matches no case in cases/");
    }

    @Test
    void a_prerequisite_that_is_not_an_earlier_module_is_reported() throws IOException {
        Path file = copy(NAME);
        edit(file, "    readingMode: concurrent", "    readingMode: concurrent\n    prerequisites: [first-reads, later]");
        var problems = problems(file, knownCaseIds, DISPLAY);
        assertThat(problems).extracting(ContentProblem::field, ContentProblem::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("modules[0].prerequisites[0]", "'first-reads' comes later in the curriculum; a prerequisite must be an earlier module"),
                org.assertj.core.groups.Tuple.tuple("modules[0].prerequisites[1]", "'later' is not a module of this curriculum"));
    }

    @Test
    void more_cases_per_attempt_than_the_pool_and_too_many_required_abnormal_cases_are_reported() throws IOException {
        Path file = copy(NAME);
        edit(file, "    minimumCases: 6", "    minimumCases: 6\n    casesPerAttempt: 9\n    minimumAbnormalCases: 5");
        var known = new java.util.LinkedHashMap<String, CurriculumReader.KnownCase>();
        knownCaseIds.forEach(id -> known.put(id, new CurriculumReader.KnownCase(Set.of(), id.contains("schwannoma"))));
        var problems = problems(file, known);
        assertThat(problems).extracting(ContentProblem::field).contains("modules[0].casesPerAttempt", "modules[0].minimumAbnormalCases");
        assertThat(problems).extracting(ContentProblem::message).contains("9 is more than the module's pool of 7 case(s)",
                "5 is more than the 2 abnormal case(s) in the pool");
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

    // ---- from bytes, and thresholds no attempt can meet ------------------------------------------------

    /** The seven cases with their truth: three abnormal (two schwannomas and the bone scan), four normal. */
    private static java.util.Map<String, CurriculumReader.KnownCase> withTruth() {
        var known = new java.util.LinkedHashMap<String, CurriculumReader.KnownCase>();
        knownCaseIds.forEach(id -> known.put(id, new CurriculumReader.KnownCase(Set.of(),
                id.contains("schwannoma") || id.equals("nm-bone-scan-injection-site"))));
        return known;
    }

    private static List<ContentProblem> problemsOf(String yaml, String expectedId, java.util.Map<String, CurriculumReader.KnownCase> known) {
        ContentException e = catchThrowableOfType(ContentException.class, () -> CurriculumReader.read(yaml.getBytes(StandardCharsets.UTF_8),
                "the curriculum", expectedId, known, "the case library"));
        assertThat(e).as("reading should fail").isNotNull();
        return e.problems();
    }

    @Test
    void a_manifest_given_as_bytes_is_checked_like_the_file() throws IOException {
        byte[] bytes = Files.readAllBytes(REAL);
        var fromBytes = CurriculumReader.read(bytes, "the curriculum", "ai-reading-foundations", withTruth(), "the case library");
        assertThat(fromBytes.manifest()).isEqualTo(CurriculumReader.read(REAL, DISPLAY, withTruth()).manifest());
        assertThat(fromBytes.pool("first-reads")).hasSize(7);
        // no expected id: any id will do
        assertThat(CurriculumReader.read(bytes, "the curriculum", null, withTruth(), "the case library").manifest().id()).isEqualTo("ai-reading-foundations");
    }

    @Test
    void from_bytes_a_wrong_id_and_an_unknown_case_are_reported_together_in_the_words_of_the_case_library() throws IOException {
        String yaml = Files.readString(REAL).replace("      - mr-brain-0417", "      - mr-brian-0417");
        assertThat(problemsOf(yaml, "another-curriculum", withTruth())).extracting(ContentProblem::field, ContentProblem::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("id", "'ai-reading-foundations' must equal the curriculum being edited 'another-curriculum'"),
                org.assertj.core.groups.Tuple.tuple("modules[0].cases[4]", "'mr-brian-0417' is not a case in the case library"));
    }

    @Test
    void from_bytes_a_schema_problem_does_not_hide_the_other_checks() throws IOException {
        String yaml = Files.readString(REAL).replace("  title: \"Calibra certificate: Reading with AI — foundations\"", "  title: \"\"")
                .replace("      - mr-brain-0417", "      - mr-brian-0417");
        assertThat(yaml).contains("  title: \"\"");
        // (the schema says two things about an empty text: too short, and no non-space character)
        assertThat(problemsOf(yaml, null, withTruth()).stream().map(ContentProblem::field).distinct())
                .containsExactlyInAnyOrder("certificate.title", "modules[0].cases[4]");
        // a file stops at the schema's problems, as before
    }

    @Test
    void from_bytes_text_that_is_not_yaml_is_one_problem_in_words() {
        assertThat(problemsOf("modules: [unclosed", null, withTruth())).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("is not valid YAML"));
    }

    @Test
    void a_sensitivity_lower_bound_that_three_abnormal_cases_cannot_reach_is_refused_with_the_numbers() throws IOException {
        Path file = copy(NAME);
        edit(file, "      - metric: sensitivity\n        min: 0.6\n        bound: point", "      - metric: sensitivity\n        min: 0.9\n        bound: lower");
        var problems = problems(file, withTruth());
        // 3 of 3: 3 / (3 + 3.841459) = 0.4385
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("modules[0].thresholds[0].min");
            assertThat(p.message()).isEqualTo("can never be met in module 'First reads with a concurrent AI': the lower 95% bound of sensitivity"
                    + " must be at least 90%, but an attempt reads at most 3 abnormal cases, and even 3 of 3 right gives a lower bound of 44%;"
                    + " reaching it needs at least 35 abnormal cases per attempt, or a lower limit, or the point estimate");
        });
    }

    @Test
    void the_draw_limits_what_an_attempt_can_read_cases_per_attempt_less_the_normal_minimum() throws IOException {
        Path file = copy(NAME);
        // 5 cases per attempt, at least 4 of them normal: at most 1 abnormal; 1 / 4.841459 = 0.2065 < 0.3
        edit(file, "    minimumCases: 6", "    minimumCases: 5\n    casesPerAttempt: 5\n    minimumNormalCases: 4");
        edit(file, "      - metric: sensitivity\n        min: 0.6\n        bound: point", "      - metric: sensitivity\n        min: 0.3\n        bound: lower");
        var problems = problems(file, withTruth());
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("at most 1 abnormal cases, and even 1 of 1 right gives a lower bound of 21%"));
        // with the lower bound at 0.2 it is reachable (0.2065 >= 0.2)
        edit(file, "        min: 0.3\n        bound: lower", "        min: 0.2\n        bound: lower");
        assertThat(CurriculumReader.read(file, DISPLAY, withTruth()).manifest().modules().getFirst().casesPerAttempt()).isEqualTo(5);
    }

    @Test
    void an_over_reliance_upper_bound_is_judged_when_the_pool_says_where_the_ai_is_wrong() throws IOException {
        Path file = copy(NAME);
        edit(file, "      - metric: sensitivity\n        min: 0.6\n        bound: point", "      - metric: overReliance\n        max: 0.2\n        bound: upper");
        var known = new java.util.LinkedHashMap<String, CurriculumReader.KnownCase>();
        // the AI is wrong on three of the seven: 0 of 3 gives an upper bound of 3.841459 / 6.841459 = 0.5615 > 0.2
        withTruth().forEach((id, k) -> known.put(id, new CurriculumReader.KnownCase(k.tags(), k.abnormal(),
                id.equals("mr-iac-schwannoma-ai-missed") || id.equals("nm-bone-scan-injection-site") || id.equals("rtdose-multiframe-not-diagnostic"))));
        assertThat(problems(file, known)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("modules[0].thresholds[0].max");
            assertThat(p.message()).contains("at most 3 cases the AI gets wrong, and even 0 of 3 gives an upper bound of 56%");
        });
        // where the AI is wrong is not known (the start-up loader): not judged
        assertThat(CurriculumReader.read(file, DISPLAY, withTruth()).manifest().id()).isEqualTo("ai-reading-foundations");
    }

    @Test
    void every_curriculum_in_curricula_can_be_met() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("curricula"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                // start-up knows the truth of every case folder; the tags come from the case files
                var known = caseFolders();
                assertThat(CurriculumReader.read(f, "curricula/" + f.getFileName(), known).manifest()).isNotNull();
            }
        }
    }

    /** Every case folder of cases/ with its tags and truth, as the start-up loader knows them. */
    static java.util.Map<String, CurriculumReader.KnownCase> caseFolders() throws IOException {
        var known = new java.util.TreeMap<String, CurriculumReader.KnownCase>();
        try (Stream<Path> dirs = Files.list(Path.of("cases"))) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Path yaml = dir.resolve("case.yaml");
                if (!Files.exists(yaml)) {
                    continue;
                }
                var read = org.calibra.casebank.content.CaseManifests.read(dir.getFileName().toString(), Files.readAllBytes(yaml));
                if (!read.readable()) {
                    known.put(dir.getFileName().toString(), new CurriculumReader.KnownCase(Set.of(), null));
                    continue;
                }
                var m = read.manifest();
                known.put(dir.getFileName().toString(), new CurriculumReader.KnownCase(Set.copyOf(m.poolTags()),
                        !org.calibra.casebank.content.CaseManifest.NORMAL.equals(m.truth().diagnosis())));
            }
        }
        return known;
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

    private static List<ContentProblem> problems(Path file, java.util.Map<String, CurriculumReader.KnownCase> known) {
        ContentException e = org.assertj.core.api.Assertions.catchThrowableOfType(ContentException.class, () -> CurriculumReader.read(file, DISPLAY, known));
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
