package org.calibra.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.calibra.shared.content.ContentException;
import org.calibra.shared.content.ContentProblem;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** A broken recipe is refused with a message naming the file and the field. */
class RecipeErrorsTest {

    private static final String GOOD = """
            generator: calibra-synthetic
            generatorVersion: 1
            kind: chest-ct
            seed: 42
            parameters:
              rows: 256
              columns: 256
              slices: 64
              pixelSpacingMm: 1.40625
              sliceSpacingMm: 2.5
              noiseHu: 18.0
              nodules:
                - id: L1
                  diameterMm: 8.0
                  density: solid
                  x: 80.5
                  y: 120.5
                  slice: 30
            ai:
              sensitivity: 0.8
              falsePositivesPerCase: 0.35
              separation: 1.8
              calibrationSlope: 0.7
              markPrevalence: 0.6
            sha256: 0000000000000000000000000000000000000000000000000000000000000000
            """;

    private static JsonNode yaml(String text) {
        return YAMLMapper.builder().build().readTree(text);
    }

    private static List<ContentProblem> problems(String text) {
        return catchThrowableOfType(ContentException.class, () -> RecipeCodec.parse(yaml(text), "synth-x", "cases/synth-x/case.yaml")).problems();
    }

    @Test
    void a_good_recipe_reads_and_writes_back_the_same_text() {
        var parsed = RecipeCodec.parse(yaml(GOOD), "synth-x", "f");
        assertThat(parsed.recipe().seed()).isEqualTo(42);
        assertThat(RecipeCodec.yaml(parsed.recipe(), parsed.sha256(), 0)).isEqualTo(GOOD);
    }

    @Test
    void each_broken_field_is_named() {
        assertThat(problems(GOOD.replace("diameterMm: 8.0", "diameterMm: 80.0"))).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("cases/synth-x/case.yaml");
            assertThat(p.field()).isEqualTo("synthetic.parameters.nodules[0].diameterMm");
            assertThat(p.message()).isEqualTo("80.0 is outside 3.0..40.0");
        });
        assertThat(problems(GOOD.replace("density: solid", "density: calcified"))).singleElement()
                .satisfies(p -> assertThat(p.toString()).isEqualTo(
                        "cases/synth-x/case.yaml: synthetic.parameters.nodules[0].density: 'calcified' is not one of solid, part-solid, ground-glass"));
        assertThat(problems(GOOD.replace("seed: 42\n", ""))).extracting(ContentProblem::field).containsExactly("synthetic.seed");
        assertThat(problems(GOOD.replace("slice: 30", "slice: 64"))).extracting(ContentProblem::field)
                .containsExactly("synthetic.parameters.nodules[0].slice");
        assertThat(problems(GOOD.replace("  sensitivity: 0.8", "  sensitivity: 1.5\n  specificity: 0.9")))
                .extracting(ContentProblem::field).containsExactlyInAnyOrder("synthetic.ai.specificity", "synthetic.ai.sensitivity");
        assertThat(problems(GOOD.replace("kind: chest-ct", "kind: head-ct"))).extracting(ContentProblem::field).containsExactly("synthetic.kind");
        assertThat(problems(GOOD.replace("x: 80.5", "x: left"))).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("must be a number, found 'left'"));
        assertThat(problems(GOOD.replace("sha256: 0000", "sha256: 00"))).extracting(ContentProblem::field).containsExactly("synthetic.sha256");
        assertThat(problems(GOOD.replace("pixelSpacingMm: 1.40625", "pixelSpacingMm: 0.5"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("field of view"));
    }

    @Test
    void another_generator_version_is_refused_with_the_way_out() {
        assertThat(problems(GOOD.replace("generatorVersion: 1", "generatorVersion: 7"))).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("synthetic.generatorVersion");
            assertThat(p.message()).contains("7 cannot be reproduced by this build", "./calibra synth");
        });
    }
}
