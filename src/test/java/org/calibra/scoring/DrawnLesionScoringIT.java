package org.calibra.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.calibra.casebank.CaseService;
import org.calibra.casebank.CaseTruth;
import org.calibra.content.ContentLoader;
import org.calibra.scoring.domain.Mark;
import org.calibra.scoring.domain.MarkOutcome.Duplicate;
import org.calibra.scoring.domain.MarkOutcome.FalsePositive;
import org.calibra.scoring.domain.MarkOutcome.Hit;
import org.calibra.shared.geometry.Contour;
import org.calibra.shared.geometry.Point;
import org.calibra.shared.geometry.SliceShape;
import org.calibra.support.ContentCopy;
import org.calibra.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A lesion drawn as a contour (ADR 0020) goes from case.yaml through the database (V13) into the truth scoring sees, and
 * reads are scored against the drawn region: inside the outline or within the case's floor of it, not a circle.
 */
@IntegrationTest
class DrawnLesionScoringIT {

    private static final String CASE = "mr-iac-schwannoma-detected";
    /** A "C" open to the right on the 64 × 64 image: 20..52 square with the notch x 28..52, y 28..44 cut out. */
    private static final String C_SHAPE = "[[20, 20], [52, 20], [52, 28], [28, 28], [28, 44], [52, 44], [52, 52], [20, 52]]";

    @Autowired ContentLoader loader;
    @Autowired CaseService cases;
    @Autowired JdbcTemplate jdbc;

    @Test
    void a_contour_lesion_is_stored_with_its_outline_and_code_and_scored_against_its_region(@TempDir Path tmp) throws IOException {
        Path copy = ContentCopy.into(tmp);
        Path manifest = copy.resolve(CASE + "/case.yaml");
        String yaml = Files.readString(manifest);
        String circle = "      x: 41.5\n      y: 38.5\n      radiusPx: 4.5\n";
        assertThat(yaml).contains(circle);
        Files.writeString(manifest, yaml.replace(circle, "      contour: " + C_SHAPE + "\n"
                + "      code: {scheme: RADLEX, value: RID3874, meaning: \"intracanalicular lesion\"}\n"));
        try {
            loader.load(copy, tmp.resolve("curricula"));
            long versionId = cases.latestVersionId(CASE).orElseThrow();

            Map<String, Object> row = jdbc.queryForMap("select shape, outline, code_scheme, code_value, code_meaning, x, y, radius_px "
                    + "from truth_finding where case_version_id = ?", versionId);
            assertThat(row.get("SHAPE")).isEqualTo("contour");
            assertThat((String) row.get("OUTLINE")).startsWith("[{\"imageIndex\":0,\"contour\":[[20.0,20.0],[52.0,20.0],");
            assertThat(row).containsEntry("CODE_SCHEME", "RADLEX").containsEntry("CODE_VALUE", "RID3874")
                    .containsEntry("CODE_MEANING", "intracanalicular lesion");

            CaseTruth truth = cases.truth(versionId).orElseThrow();
            CaseTruth.Lesion lesion = truth.lesions().getFirst();
            assertThat(lesion.shape()).isEqualTo("contour");
            assertThat(lesion.code()).isEqualTo(new CaseTruth.Code("RADLEX", "RID3874", "intracanalicular lesion"));
            Contour drawn = new Contour(List.of(new Point(20, 20), new Point(52, 20), new Point(52, 28), new Point(28, 28),
                    new Point(28, 44), new Point(52, 44), new Point(52, 52), new Point(20, 52)));
            assertThat(lesion.outline()).containsExactly(new SliceShape(0, drawn));
            // what draws circles gets the centroid and the radius of equal area: 1024 - 384 = 640 px²
            assertThat(lesion.x()).isCloseTo(drawn.centroid().x(), within(1e-12));
            assertThat(lesion.y()).isCloseTo(36, within(1e-12));
            assertThat(lesion.radiusPx()).isCloseTo(Math.sqrt(640 / Math.PI), within(1e-12));

            // 0.3125 mm pixels, minRadiusMm 1: the floor is 3.2 px
            var kase = cases.forReading(versionId).orElseThrow();
            var marks = List.of(new Mark("M1", 0, 40, 24, 4, null), // in the upper arm
                    new Mark("M2", 0, 44, 36, 5, null),                // in the notch, 8 px = 2.5 mm from either arm
                    new Mark("M3", 0, 44, 31, 2, null));               // in the notch, 3 px = 0.94 mm below the upper arm
            var matches = ScoringService.match(marks, truth, kase);
            assertThat(matches.trainee().markOutcomes()).containsExactly(new Hit("M1", "L1"), new FalsePositive("M2"), new Duplicate("M3", "L1"));
            // the case's AI mark at (41, 38) hit the old circle; it lies in the notch, 6 px = 1.9 mm above the lower arm
            assertThat(matches.ai().markOutcomes()).extracting(o -> o.kind().name()).containsExactly("FALSE_POSITIVE");
        } finally {
            loader.load(Path.of("cases"), Path.of("curricula")); // back to the repository content for other tests
        }
    }
}
