package org.calibra.curriculum.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The file and the builder are two doors to one format: read → write → read gives an equal manifest. */
class CurriculumYamlTest {

    @Test
    void every_curriculum_in_curricula_reads_back_equal_after_writing() throws IOException {
        var known = CurriculumReaderTest.caseFolders();
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("curricula"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        for (Path f : files) {
            var first = CurriculumReader.read(f, "curricula/" + f.getFileName(), known);
            String written = CurriculumYaml.write(first.manifest());
            var again = CurriculumReader.read(written.getBytes(StandardCharsets.UTF_8), "written", first.manifest().id(), known, "cases/");
            assertThat(again.manifest()).as(f.toString()).isEqualTo(first.manifest());
            assertThat(again.pools()).as(f.toString()).isEqualTo(first.pools());
            // and writing is stable: the second write is the same text
            assertThat(CurriculumYaml.write(again.manifest())).isEqualTo(written);
        }
    }

    @Test
    void texts_with_quotes_line_breaks_and_long_lines_and_every_optional_field_read_back_equal() {
        var threshold = new CurriculumManifest.ThresholdSpec("overReliance", null, 0.25, "upper");
        var first = new CurriculumManifest.Module("first", "Reads: \"quoted\" # not a comment", "Line one\nline two\twith a tab \\ backslash",
                "unaided", List.of("ct-thoracic-spine-staging-normal", "mr-brain-0417"), List.of(List.of("synthetic", "chest-ct")), 2, "fixed",
                List.of(), 30, new CurriculumManifest.Retake(12.5), 2, 1, 1,
                List.of(new CurriculumManifest.ThresholdSpec("sensitivity", 0.6, null, null), threshold));
        String longText = "A long description that goes on for well over one line of seventy-six characters, with ünïcödé, a colon: and"
                + " a dash - and - a hash # in it, so it is folded over several lines and must come back word for word.";
        var second = new CurriculumManifest.Module("second", "Second", longText, "second-reader", List.of("mr-brain-0417"), List.of(), null, null,
                List.of("first"), null, new CurriculumManifest.Retake(null), 1, null, null,
                List.of(new CurriculumManifest.ThresholdSpec("nlPerCase", null, 1.5, "point")));
        var m = new CurriculumManifest(1, "round-trip", "  Spaces at the ends  ", longText,
                new CurriculumManifest.Certificate("Certificate: \"one\"", 24, List.of("Finds 'nodules'", "- a dash first"), 3.5),
                List.of(first, second), "calibra-demo-institution");
        String yaml = CurriculumYaml.write(m);
        assertThat(yaml).contains("description: >-\n");
        var known = Map.of("ct-thoracic-spine-staging-normal", new CurriculumReader.KnownCase(java.util.Set.of("synthetic", "chest-ct"), false),
                "mr-brain-0417", new CurriculumReader.KnownCase(java.util.Set.of(), true));
        var read = CurriculumReader.read(yaml.getBytes(StandardCharsets.UTF_8), "written", "round-trip", known, "the case library");
        assertThat(read.manifest()).isEqualTo(m);
        assertThat(read.manifest().certificate().creditHours()).isEqualTo(3.5);
    }

    @Test
    void numbers_are_written_as_the_shortest_decimal() {
        assertThat(CurriculumYaml.number(0.6)).isEqualTo("0.6");
        assertThat(CurriculumYaml.number(24.0)).isEqualTo("24");
        assertThat(CurriculumYaml.number(0.0)).isEqualTo("0");
        assertThat(CurriculumYaml.number(0.125)).isEqualTo("0.125");
    }

    @Test
    void folding_breaks_at_single_spaces_within_the_width() {
        assertThat(CurriculumYaml.fold("aaa bbb ccc", 7)).containsExactly("aaa bbb", "ccc");
        assertThat(CurriculumYaml.foldable("two  spaces")).isFalse();
        assertThat(CurriculumYaml.foldable("a\nb")).isFalse();
        assertThat(CurriculumYaml.foldable("plain words")).isTrue();
    }
}
