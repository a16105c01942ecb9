package org.calibra.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.calibra.synthetic.Recipe.Lesion;
import org.calibra.synthetic.Recipe.RadiographParameters;
import org.junit.jupiter.api.Test;

/** Same recipe, same bytes; a different seed, different bytes. */
class DeterminismTest {

    private static Recipe ct(long seed) {
        return new Recipe("synth-det", Recipe.Kind.CHEST_CT, seed, Recipe.CtParameters.standard(List.of()), Recipe.AiModel.standard());
    }

    private static Recipe dx(long seed) {
        return new Recipe("synth-det", Recipe.Kind.CHEST_RADIOGRAPH, seed,
                RadiographParameters.standard(List.of(new Lesion("L1", 15, 0.05, 160, 230))), new Recipe.AiModel(1, 2, 1.8, 1, 0.5));
    }

    @Test
    void the_same_seed_gives_the_same_bytes_for_every_file() {
        for (var recipe : List.of(ct(3), dx(3))) {
            var a = SyntheticCaseGenerator.generate(recipe, "test");
            var b = SyntheticCaseGenerator.generate(recipe, "test");
            assertThat(b.files().keySet()).isEqualTo(a.files().keySet());
            a.files().forEach((name, bytes) -> assertThat(b.files().get(name)).as(name).isEqualTo(bytes));
            assertThat(b.sha256()).isEqualTo(a.sha256());
            assertThat(CaseYamlWriter.write(b)).isEqualTo(CaseYamlWriter.write(a));
        }
    }

    @Test
    void a_different_seed_gives_different_pixels_uids_and_hash() {
        var a = SyntheticCaseGenerator.generate(dx(3), "test");
        var b = SyntheticCaseGenerator.generate(dx(4), "test");
        assertThat(b.sha256()).isNotEqualTo(a.sha256());
        assertThat(b.files().get("image.dcm")).isNotEqualTo(a.files().get("image.dcm"));
        assertThat(b.study().studyUid()).isNotEqualTo(a.study().studyUid());
        var c = SyntheticCaseGenerator.generate(ct(4), "test");
        var d = SyntheticCaseGenerator.generate(ct(5), "test");
        assertThat(d.files().get("image-032.dcm")).isNotEqualTo(c.files().get("image-032.dcm"));
    }

    @Test
    void the_listing_hash_is_what_sha256sum_prints_hashed_again() {
        var files = new java.util.TreeMap<String, byte[]>();
        files.put("b.dcm", new byte[] {1});
        files.put("a.dcm", new byte[] {2});
        String listing = SyntheticCaseGenerator.sha256(new byte[] {2}) + "  a.dcm\n" + SyntheticCaseGenerator.sha256(new byte[] {1}) + "  b.dcm\n";
        assertThat(SyntheticCaseGenerator.listingSha256(files)).isEqualTo(SyntheticCaseGenerator.sha256(listing.getBytes()));
    }

    @Test
    void generating_a_ct_case_takes_well_under_two_seconds() {
        SyntheticCaseGenerator.generate(ct(7), "test"); // warm up the JIT as an application start-up would after the first case
        long t0 = System.nanoTime();
        int n = 3;
        for (int i = 0; i < n; i++) {
            SyntheticCaseGenerator.generate(ct(10 + i), "test");
        }
        long ms = (System.nanoTime() - t0) / 1_000_000 / n;
        System.out.println("synthetic CT case (256x256x64): " + ms + " ms per case");
        assertThat(ms).isLessThan(2000);
    }
}
