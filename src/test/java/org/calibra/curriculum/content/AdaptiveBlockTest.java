package org.calibra.curriculum.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.calibra.shared.content.ContentException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AdaptiveBlockTest {

    private static final Path DEMO = Path.of("curricula/adaptive-chest-radiographs.yaml");

    @Test
    void the_demo_module_reads_its_adaptive_rules_and_item_snapshot() throws Exception {
        var checked = CurriculumReader.read(DEMO, "curricula/adaptive-chest-radiographs.yaml", CurriculumReaderTest.caseFolders());
        var a = checked.manifest().modules().getFirst().adaptive();
        assertThat(a.cut()).isZero();
        assertThat(a.alphaOrDefault()).isEqualTo(0.05);
        assertThat(a.stoppingOrDefault()).isEqualTo("sprt");
        assertThat(a.items()).hasSize(10).containsEntry("synth-cxr-016", new CurriculumManifest.Item(1.8, 0.1));
        assertThat(a.maximumCasesFor(8)).isEqualTo(8);
        // the writer keeps the block: the builder does not lose an adaptive module's rules
        String again = CurriculumYaml.write(checked.manifest());
        assertThat(CurriculumReader.parse(again.getBytes(StandardCharsets.UTF_8), "again").modules().getFirst().adaptive()).isEqualTo(a);
    }

    @Test
    void bad_adaptive_values_are_named_by_file_field_and_value() throws Exception {
        String yaml = Files.readString(DEMO).replace("alpha: 0.05", "alpha: 0.7").replace("synth-cxr-014: {a: 1.4", "synth-cxr-014: {a: -1")
                .replace("synth-cxr-022: {a: 1.0, b: 1.3}", "synth-cxr-022: {a: 1.0, b: 1.3}\n        mr-brain-0417: {a: 1, b: 0}");
        assertThatThrownBy(() -> CurriculumReader.read(yaml.getBytes(StandardCharsets.UTF_8), "curricula/x.yaml", null,
                CurriculumReaderTest.caseFolders(), "cases/"))
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("modules[0].adaptive.alpha").hasMessageContaining("0.7 must be a probability above 0 and below 0.5")
                .hasMessageContaining("modules[0].adaptive.items.synth-cxr-014.a").hasMessageContaining("-1.0 must be a positive discrimination")
                .hasMessageContaining("'mr-brain-0417' is not a case of the module's pool");
    }

    @Test
    void an_unknown_stopping_rule_is_refused_by_the_schema() throws Exception {
        String yaml = Files.readString(DEMO).replace("      beta: 0.05", "      beta: 0.05\n      stopping: bayes");
        assertThatThrownBy(() -> CurriculumReader.read(yaml.getBytes(StandardCharsets.UTF_8), "curricula/x.yaml", null,
                Map.of(), "cases/")).isInstanceOf(ContentException.class).hasMessageContaining("stopping");
    }
}
