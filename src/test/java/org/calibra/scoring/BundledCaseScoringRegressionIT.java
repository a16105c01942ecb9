package org.calibra.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.calibra.casebank.CaseForReading;
import org.calibra.casebank.CaseService;
import org.calibra.casebank.CaseTruth;
import org.calibra.scoring.domain.LesionOutcome;
import org.calibra.scoring.domain.Mark;
import org.calibra.scoring.domain.MarkOutcome;
import org.calibra.scoring.domain.MatchResult;
import org.calibra.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every bundled case scores fixed synthetic reads exactly as recorded in {@code bundled-case-scores.txt}: the truth as
 * the app stores and loads it (case.yaml → database → {@link CaseService#truth}), the pixel spacing of its images, and
 * {@link ScoringService#match}, the matching the app scores reads with — for the reader's marks and the case's AI marks.
 *
 * <p>The file was recorded before lesion geometry (ellipses, boxes, contours; ADR 0020) was added, so it pins that a
 * point + radius lesion scores as it always did, down to the marks on and just beside the acceptance boundary. Record it
 * again only for an intended change of the matching rules: {@code -Dcalibra.record-scores=true}.
 */
@IntegrationTest
class BundledCaseScoringRegressionIT {

    private static final Path RECORDED = Path.of("src/test/resources/org/calibra/scoring/bundled-case-scores.txt");
    /** Distances from the lesion centre, in multiples of its radius, and of the mm floor converted to pixels. */
    private static final double[] RADII = {0, 0.5, 0.99, 1, 1.01, 1.5, 2};
    private static final double[] FLOORS = {0.99, 1, 1.01};
    private static final int DIRECTIONS = 8;

    @Autowired CaseService cases;

    @Test
    void every_bundled_case_scores_the_fixed_reads_as_recorded() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String slug : bundledCases()) {
            long versionId = cases.latestVersionId(slug).orElseThrow();
            CaseTruth truth = cases.truth(versionId).orElseThrow();
            CaseForReading kase = cases.forReading(versionId).orElseThrow();
            lines.addAll(score(slug, truth, kase));
        }
        if (Boolean.getBoolean("calibra.record-scores")) {
            Files.createDirectories(RECORDED.getParent());
            Files.write(RECORDED, lines, StandardCharsets.UTF_8);
        }
        List<String> recorded = Files.readAllLines(RECORDED, StandardCharsets.UTF_8);
        assertThat(lines).as("outcomes of the fixed reads on every bundled case").containsExactlyElementsOf(recorded);
    }

    private static List<String> bundledCases() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("cases"))) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> score(String slug, CaseTruth truth, CaseForReading kase) {
        List<String> lines = new ArrayList<>();
        int stack = kase.images().size();
        var lesions = truth.lesions().stream().sorted(java.util.Comparator.comparing(CaseTruth.Lesion::id)).toList();
        // 1. one mark alone per read, around each lesion, on its slices and just beyond them: H hit, D duplicate, . NL
        for (var l : lesions) {
            var image = kase.images().get(l.imageIndex());
            double floorPx = image.columnSpacingMm() == null ? 0 : truth.minAcceptanceMm() / image.columnSpacingMm();
            for (int slice : new java.util.TreeSet<>(List.of(l.firstImage() - 1, l.firstImage(), l.imageIndex(), l.lastImage(), l.lastImage() + 1))) {
                if (slice < 0 || slice >= stack) {
                    continue;
                }
                var row = new StringBuilder(slug + " " + l.id() + " image " + slice + " ");
                for (int d = 0; d < DIRECTIONS; d++) {
                    double angle = 2 * Math.PI * d / DIRECTIONS;
                    for (double f : RADII) {
                        row.append(alone(truth, kase, slice, l.x() + f * l.radiusPx() * Math.cos(angle), l.y() + f * l.radiusPx() * Math.sin(angle)));
                    }
                    for (double f : FLOORS) {
                        row.append(alone(truth, kase, slice, l.x() + f * floorPx * Math.cos(angle), l.y() + f * floorPx * Math.sin(angle)));
                    }
                    row.append(' ');
                }
                lines.add(row.toString().strip());
            }
        }
        // 2. three whole reads of seeded marks near the lesions and anywhere on the stack, with seeded ratings
        var random = new SplittableRandom(slug.hashCode());
        for (int read = 1; read <= 3; read++) {
            List<Mark> marks = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                String id = "M" + i;
                int confidence = 1 + random.nextInt(5);
                if (!lesions.isEmpty() && random.nextInt(3) > 0) {
                    var l = lesions.get(random.nextInt(lesions.size()));
                    int slice = l.firstImage() + random.nextInt(l.lastImage() - l.firstImage() + 1);
                    double reach = 2.5 * l.radiusPx();
                    marks.add(new Mark(id, slice, l.x() + random.nextDouble(-reach, reach), l.y() + random.nextDouble(-reach, reach), confidence, null));
                } else {
                    int slice = random.nextInt(stack);
                    var image = kase.images().get(slice);
                    marks.add(new Mark(id, slice, random.nextDouble(image.columns()), random.nextDouble(image.rows()), confidence, null));
                }
            }
            lines.addAll(describe(slug + " read " + read, ScoringService.match(marks, truth, kase).trainee()));
        }
        // 3. the case's own AI marks
        lines.addAll(describe(slug + " ai", ScoringService.match(List.of(), truth, kase).ai()));
        return lines;
    }

    private static char alone(CaseTruth truth, CaseForReading kase, int slice, double x, double y) {
        MarkOutcome o = ScoringService.match(List.of(new Mark("M", slice, x, y, 3, null)), truth, kase).trainee().markOutcomes().getFirst();
        return switch (o.kind()) {
            case HIT -> 'H';
            case DUPLICATE -> 'D';
            case FALSE_POSITIVE -> '.';
        };
    }

    private static List<String> describe(String prefix, MatchResult result) {
        List<String> lines = new ArrayList<>();
        for (MarkOutcome o : result.markOutcomes()) {
            lines.add(prefix + " mark " + o.markId() + " " + o.kind() + o.matchedLesionId().map(l -> " " + l).orElse(""));
        }
        for (LesionOutcome o : result.lesionOutcomes()) {
            lines.add(prefix + " lesion " + o.lesionId() + (o.detected() ? " detected by " + o.markId().orElseThrow() + " rated " + o.rating().getAsInt() : " missed"));
        }
        return lines;
    }
}
