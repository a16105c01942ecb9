package org.calibra.casebank.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The one format out and back: what {@link CaseManifests#write} writes reads into an equal manifest, for every bundled case. */
class CaseManifestsTest {

    static Stream<String> bundledCases() throws Exception {
        try (var dirs = Files.list(Path.of("cases"))) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("bundledCases")
    void a_written_manifest_reads_back_equal_and_passes_the_schema(String id) throws Exception {
        var original = CaseManifests.read(id, Files.readAllBytes(Path.of("cases", id, "case.yaml")));
        assertThat(original.problems()).isEmpty();

        byte[] written = CaseManifests.write(original.manifest());
        var again = CaseManifests.read(id, written);

        assertThat(again.problems()).as(new String(written, StandardCharsets.UTF_8)).isEmpty();
        assertThat(again.manifest()).isEqualTo(original.manifest());
        assertThat(new String(written, StandardCharsets.UTF_8)).doesNotContain("null").doesNotContain("allFrames").doesNotContain("synthetic:\n");
    }

    @Test
    void lesion_geometry_and_codes_travel_through_the_format_unchanged() throws Exception {
        var m = CaseManifests.read("t", Files.readAllBytes(Path.of("cases/mr-iac-schwannoma-detected/case.yaml"))).manifest();
        var code = new CaseManifest.Code(CaseManifest.Code.RADLEX, "RID3874", "schwannoma");
        var findings = java.util.List.of(
                new CaseManifest.TruthFinding("L1", "cpa-mass", 0, null, null, null, null, null, new CaseManifest.Ellipse(30, 30, 5, 3, 20.0), null, null,
                        null, code),
                new CaseManifest.TruthFinding("L2", "cpa-mass", 0, null, null, null, null, null, null, new CaseManifest.Box(1, 2, 10, 12), null, null, null),
                new CaseManifest.TruthFinding("L3", "cpa-mass", 0, null, null, null, null, java.util.List.of(0, 0), null, null,
                        java.util.List.of(new CaseManifest.Point(5, 5), new CaseManifest.Point(15, 5), new CaseManifest.Point(10, 12)), null, null));
        var tree = CaseManifests.tree(m);
        ((tools.jackson.databind.node.ObjectNode) tree.get("truth")).set("findings", CaseManifests.treeOf(findings));
        var withGeometry = CaseManifests.fromTree(tree);

        byte[] yaml = CaseManifests.write(withGeometry);
        var back = CaseManifests.read("t", yaml);

        assertThat(back.manifest()).isEqualTo(withGeometry);
        assertThat(new String(yaml, StandardCharsets.UTF_8)).contains("- 15.0", "rotationDeg: 20.0", "scheme: \"RADLEX\"")
                .doesNotContain("geometries:", "outline:", "centreX:", "equivalentRadiusPx:", "geometry:");
    }

    @Test
    void a_manifest_with_schema_problems_is_still_read_for_a_draft_with_every_problem_named() {
        byte[] yaml = """
                schemaVersion: 1
                id: Not_A_Slug
                title: "x"
                modality: CT
                difficulty: 9
                clinicalHistory: "h"
                labels: [a]
                """.getBytes(StandardCharsets.UTF_8);
        var read = CaseManifests.read("upload", yaml);

        assertThat(read.readable()).isTrue();
        assertThat(read.manifest().difficulty()).isEqualTo(9);
        assertThat(read.problems()).extracting(p -> p.field()).contains("id", "difficulty", "source", "images", "truth", "ai", "teachingPoints");
    }

    @Test
    void text_that_is_not_yaml_cannot_become_a_draft() {
        var read = CaseManifests.read("upload", "title: [unclosed".getBytes(StandardCharsets.UTF_8));
        assertThat(read.readable()).isFalse();
        assertThat(read.problems()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("is not valid YAML"));
    }

    @Test
    void a_case_held_in_memory_is_checked_like_a_folder(@TempDir Path tmp) throws Exception {
        Path dir = Path.of("cases/mr-iac-schwannoma-detected");
        var folder = CaseBundleReader.read(dir, "cases", tmp);
        var files = new java.util.HashMap<String, byte[]>();
        files.put("MR_small.dcm", Files.readAllBytes(dir.resolve("MR_small.dcm")));

        var checked = CaseBundleReader.check("draft", CaseManifests.write(folder.manifest()), files);

        assertThat(checked.problems()).isEmpty();
        assertThat(checked.bundle().manifest()).isEqualTo(folder.manifest());
        assertThat(checked.stack()).hasSize(folder.stack().size());

        var tree = CaseManifests.tree(folder.manifest());
        ((tools.jackson.databind.node.ObjectNode) tree.get("truth")).put("diagnosis", "no-such-diagnosis");
        var broken = CaseManifests.fromTree(tree);
        var missing = CaseBundleReader.check("draft", CaseManifests.write(broken), java.util.Map.of());
        assertThat(missing.bundle()).isNull();
        assertThat(missing.problems()).extracting(p -> p.field() + ": " + p.message())
                .anySatisfy(s -> assertThat(s).startsWith("images[0].file: 'MR_small.dcm' is not among the case's files"))
                .anySatisfy(s -> assertThat(s).startsWith("truth.diagnosis: 'no-such-diagnosis' is not one of diagnoses"));
    }
}
