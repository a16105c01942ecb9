package org.calibra.casebank.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.calibra.shared.content.ContentException;
import org.calibra.shared.content.ContentProblem;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Labelled AI errors (ADR 0023): read from a real case folder with {@code ai.errors} added, their pool tags derived, and
 * every broken reference reported on its field in words. Cases without the field read and write back as before.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AiErrorLabelsContentTest {

    private static final Path CASES = Path.of("cases");
    /** One lesion L1, one AI mark on it. */
    private static final String MR = "mr-iac-schwannoma-detected";
    private static final String LAST_AI_LINE = "      probability: 0.88\n";

    @TempDir
    Path tmp;

    @Test
    void labelled_errors_read_and_imply_their_pool_tags() throws IOException {
        var m = read(LAST_AI_LINE + "  errors:\n    - kind: false-positive\n      mark: 1\n      note: \"It marked a vascular loop\"\n"
                + "    - kind: off-label\n      reason: \"T2 only; the model wants contrast T1\"\n");
        assertThat(m.ai().errorList()).extracting(CaseManifest.AiError::kind, CaseManifest.AiError::mark)
                .containsExactly(tuple("false-positive", 1), tuple("off-label", null));
        assertThat(m.poolTags()).contains("ai-false-positive", "intended-use").doesNotContain("ai-false-negative");
        assertThat(m.tags()).doesNotContain("ai-false-positive");
        var again = CaseManifests.fromTree(CaseManifests.tree(m));
        assertThat(again).isEqualTo(m);
    }

    @Test
    void labelled_errors_reach_the_truth_feedback_is_built_from_a_mark_by_the_id_its_stored_ai_mark_has() throws IOException {
        var m = read(LAST_AI_LINE + "  errors:\n    - kind: false-positive\n      mark: 1\n      note: \"It marked a vascular loop\"\n"
                + "    - kind: off-label\n      reason: \"T2 only\"\n");
        assertThat(org.calibra.casebank.ManifestCases.truth(m).aiErrors()).containsExactly(
                new org.calibra.casebank.CaseTruth.AiError(org.calibra.casebank.CaseTruth.AiError.Kind.FALSE_MARK, null, "A1", 1, null,
                        "It marked a vascular loop"),
                new org.calibra.casebank.CaseTruth.AiError(org.calibra.casebank.CaseTruth.AiError.Kind.OFF_LABEL, null, null, null, "T2 only", null));
    }

    @Test
    void a_case_without_labels_has_none_and_writes_no_errors_field() throws IOException {
        var m = CaseBundleReader.read(CASES.resolve("mr-iac-schwannoma-ai-missed"), "cases").manifest();
        assertThat(m.ai().errors()).isNull();
        assertThat(m.poolTags()).containsExactlyElementsOf(m.tags()); // hand-written tags keep working
        assertThat(new String(CaseManifests.write(m), StandardCharsets.UTF_8)).doesNotContain("errors");
    }

    @Test
    void a_missed_lesion_that_does_not_exist_a_mark_out_of_range_and_missing_parts_are_each_reported() throws IOException {
        assertThat(problems(LAST_AI_LINE + "  errors:\n"
                + "    - kind: false-negative\n      lesion: L7\n"
                + "    - kind: false-positive\n      mark: 3\n"
                + "    - kind: false-positive\n"
                + "    - kind: off-label\n      note: \"outside\"\n"
                + "    - kind: false-negative\n      lesion: L1\n      mark: 1\n")).containsExactly(
                tuple("ai.errors[0].lesion", "'L7' is not a truth lesion of this case (its lesions: L1)"),
                tuple("ai.errors[1].mark", "3 is not an AI mark of this case (it has 1, numbered from 1)"),
                tuple("ai.errors[2].mark", "is missing: a false alarm names the AI mark, by its number (1 for the first of ai.findings)"),
                tuple("ai.errors[3].reason", "is missing: say why the images are outside the model's intended use"),
                tuple("ai.errors[4].mark", "a missed lesion has no AI mark: leave mark out"));
    }

    @Test
    void the_same_lesion_labelled_twice_and_an_unknown_kind_are_reported() throws IOException {
        assertThat(problems(LAST_AI_LINE + "  errors:\n    - kind: false-negative\n      lesion: L1\n    - kind: false-negative\n      lesion: L1\n"))
                .containsExactly(tuple("ai.errors[1].lesion", "lesion L1 is already labelled as missed"));
        assertThat(problems(LAST_AI_LINE + "  errors:\n    - kind: wrong\n")).extracting(t -> (String) t.toArray()[0])
                .anySatisfy(f -> assertThat(f).startsWith("ai.errors"));
    }

    private CaseManifest read(String replacement) throws IOException {
        return CaseBundleReader.read(edited(replacement), "cases").manifest();
    }

    private List<org.assertj.core.groups.Tuple> problems(String replacement) throws IOException {
        Path dir = edited(replacement);
        ContentException e = catchThrowableOfType(ContentException.class, () -> CaseBundleReader.read(dir, "cases"));
        assertThat(e).as("reading should fail").isNotNull();
        return e.problems().stream().map((ContentProblem p) -> tuple(p.field(), p.message())).toList();
    }

    private Path edited(String replacement) throws IOException {
        Path target = tmp.resolve("run-" + System.nanoTime()).resolve(MR);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(CASES.resolve(MR))) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        Path yaml = target.resolve(CaseBundleReader.MANIFEST);
        String text = Files.readString(yaml, StandardCharsets.UTF_8);
        assertThat(text).contains(LAST_AI_LINE);
        Files.writeString(yaml, text.replace(LAST_AI_LINE, replacement), StandardCharsets.UTF_8);
        return target;
    }
}
