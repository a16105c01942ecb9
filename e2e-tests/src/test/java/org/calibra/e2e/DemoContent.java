package org.calibra.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The test's oracle: ground truth read straight from the repository's case files, as an expert reader
 * would know it. The browser never gets it from the app before a read is submitted.
 */
final class DemoContent {

    /** firstImage..lastImage: the images the lesion shows on (imageRange; just imageIndex by default). */
    record Lesion(String id, String label, int imageIndex, double x, double y, int firstImage, int lastImage) {}

    record Case(String id, String title, String diagnosis, List<Lesion> lesions, List<String> teachingPoints, List<String> diagnoses,
                int aiMarkCount) {
        boolean abnormal() {
            return !diagnosis.equals("normal");
        }

        /** A diagnosis other than normal that a reader could pick. */
        String anyAbnormalDiagnosis() {
            return diagnoses.stream().filter(d -> !d.equals("normal")).findFirst().orElseThrow();
        }
    }

    static List<Case> cases() {
        var yaml = YAMLMapper.builder().build();
        List<Case> result = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Path.of("cases"))) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                JsonNode n = yaml.readTree(dir.resolve("case.yaml").toFile());
                List<Lesion> lesions = new ArrayList<>();
                n.path("truth").path("findings").forEach(f -> {
                    int centre = f.path("imageIndex").asInt();
                    var range = f.path("imageRange");
                    lesions.add(new Lesion(f.path("id").asString(), f.path("label").asString(), centre, f.path("x").asDouble(), f.path("y").asDouble(),
                            range.isArray() ? range.get(0).asInt() : centre, range.isArray() ? range.get(1).asInt() : centre));
                });
                List<String> points = new ArrayList<>();
                n.path("teachingPoints").forEach(t -> points.add(t.asString()));
                List<String> diagnoses = new ArrayList<>();
                n.path("diagnoses").forEach(d -> diagnoses.add(d.asString()));
                result.add(new Case(n.path("id").asString(), n.path("title").asString(), n.path("truth").path("diagnosis").asString(),
                        lesions, points, diagnoses, n.path("ai").path("findings").size()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    static Case byTitle(String title) {
        return cases().stream().filter(c -> c.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no case titled '" + title + "' in cases/"));
    }
}
