package org.calibra.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.calibra.synthetic.Recipe.CtParameters;
import org.calibra.synthetic.Recipe.Density;
import org.calibra.synthetic.Recipe.Nodule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Geometry of the CT series, and the truth equals the parameters (checked in the pixels, without noise). */
class ChestCtTest {

    static final List<Nodule> NODULES = List.of(
            new Nodule("L1", 12, Density.SOLID, 70.25, 120.5, 20),
            new Nodule("L2", 14, Density.PART_SOLID, 185.75, 110.5, 34),
            new Nodule("L3", 10, Density.GROUND_GLASS, 75.5, 150.25, 44));
    static CtParameters quiet = new CtParameters(256, 256, 64, 1.40625, 2.5, 0, NODULES);
    static SyntheticCaseGenerator.Generated withNodules, without;

    @BeforeAll
    static void generate() {
        withNodules = SyntheticCaseGenerator.generate(new Recipe("synth-truth", Recipe.Kind.CHEST_CT, 5, quiet, Recipe.AiModel.standard()), "test");
        without = SyntheticCaseGenerator.generate(new Recipe("synth-truth", Recipe.Kind.CHEST_CT, 5,
                new CtParameters(256, 256, 64, 1.40625, 2.5, 0, List.of()), Recipe.AiModel.standard()), "test");
    }

    @Test
    void every_slice_has_its_own_position_one_series_one_frame_of_reference_and_axial_orientation() {
        var uids = new HashSet<String>();
        for (int k = 0; k < 64; k++) {
            Map<String, String> e = Elements.of(withNodules.files().get(String.format("image-%03d.dcm", k)));
            double z = 31.5 * 2.5 - k * 2.5;
            assertThat(e.get("0020,0032")).isEqualTo("-179.296875\\-179.296875\\" + ds(z));
            assertThat(e.get("0020,1041")).isEqualTo(ds(z));
            assertThat(e.get("0020,0037")).isEqualTo("1\\0\\0\\0\\1\\0");
            assertThat(e.get("0028,0030")).isEqualTo("1.40625\\1.40625");
            assertThat(e.get("0018,0050")).isEqualTo("2.5");
            assertThat(e.get("0020,0013")).isEqualTo(Integer.toString(k + 1));
            assertThat(e.get("0020,000E")).isEqualTo(withNodules.study().seriesUid());
            assertThat(e.get("0020,0052")).isEqualTo(withNodules.study().frameOfReferenceUid());
            assertThat(e.get("0028,1052")).isEqualTo("-1024");
            assertThat(e.get("0028,1053")).isEqualTo("1");
            uids.add(e.get("0008,0018"));
            assertThat(e.get("0008,0018")).matches("2\\.25\\.[1-9][0-9]*").hasSizeLessThanOrEqualTo(64);
        }
        assertThat(uids).hasSize(64);
    }

    private static String ds(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    @Test
    void truth_is_the_parameters_in_pixels_slices_and_radius() {
        assertThat(withNodules.truth()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            var n = NODULES.get(i);
            var f = withNodules.truth().get(i);
            assertThat(f.id()).isEqualTo(n.id());
            assertThat(f.x()).isEqualTo(n.x());
            assertThat(f.y()).isEqualTo(n.y());
            assertThat(f.imageIndex()).isEqualTo(n.slice());
            assertThat(f.radiusPx()).isEqualTo(n.diameterMm() / 2 / 1.40625);
            int reach = (int) Math.ceil(n.diameterMm() / 2 / 2.5) - 1; // planes with |dz| < radius
            assertThat(f.firstImage()).isEqualTo(n.slice() - reach);
            assertThat(f.lastImage()).isEqualTo(n.slice() + reach);
        }
    }

    @Test
    void the_nodule_centre_has_the_requested_density_in_hounsfield_units() {
        for (var n : NODULES) {
            int[] px = Elements.pixels(withNodules.files().get(String.format("image-%03d.dcm", n.slice())), 256 * 256);
            double sum = 0;
            int count = 0;
            double rPx = n.diameterMm() / 2 / 1.40625;
            // well inside the soft edge; for a part-solid nodule well inside its solid core (half the radius)
            double r = n.density().coreHu == n.density().outerHu ? rPx - 1.2 : rPx / 2 - 1;
            for (int row = 0; row < 256; row++) {
                for (int col = 0; col < 256; col++) {
                    if (Math.hypot(col + 0.5 - n.x(), row + 0.5 - n.y()) <= r) {
                        sum += px[row * 256 + col] - 1024;
                        count++;
                    }
                }
            }
            assertThat(count).as(n.id()).isGreaterThan(3);
            assertThat(sum / count).as(n.id() + " " + n.density()).isEqualTo(n.density().coreHu);
        }
        // the ground-glass part of the part-solid nodule, between 0.6 and 0.8 of its radius
        var ps = NODULES.get(1);
        int[] px = Elements.pixels(withNodules.files().get(String.format("image-%03d.dcm", ps.slice())), 256 * 256);
        double rPx = ps.diameterMm() / 2 / 1.40625;
        int col = (int) Math.floor(ps.x() + 0.7 * rPx), row = (int) Math.floor(ps.y());
        assertThat(px[row * 256 + col] - 1024).isEqualTo(Density.PART_SOLID.outerHu);
    }

    @Test
    void the_nodule_changes_exactly_the_slices_of_its_image_range() {
        for (var f : withNodules.truth()) {
            for (int k = f.firstImage() - 2; k <= f.lastImage() + 2; k++) {
                String name = String.format("image-%03d.dcm", k);
                int centre = (int) Math.floor(f.y()) * 256 + (int) Math.floor(f.x());
                int with = Elements.pixels(withNodules.files().get(name), 256 * 256)[centre];
                int bare = Elements.pixels(without.files().get(name), 256 * 256)[centre];
                boolean inRange = k >= f.firstImage() && k <= f.lastImage();
                assertThat(with != bare).as(f.id() + " on slice " + k).isEqualTo(inRange);
            }
        }
    }

    @Test
    void a_nodule_outside_the_lungs_is_an_error_naming_the_field() {
        var outside = new CtParameters(256, 256, 64, 1.40625, 2.5, 0, List.of(NODULES.get(0), new Nodule("L2", 8, Density.SOLID, 128, 128, 30)));
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(org.calibra.shared.content.ContentException.class,
                () -> SyntheticCaseGenerator.generate(new Recipe("synth-x", Recipe.Kind.CHEST_CT, 5, outside, Recipe.AiModel.standard()), "cases/synth-x/case.yaml"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("cases/synth-x/case.yaml");
            assertThat(p.field()).isEqualTo("synthetic.parameters.nodules[1]");
            assertThat(p.message()).contains("not inside a lung");
        });
    }
}
