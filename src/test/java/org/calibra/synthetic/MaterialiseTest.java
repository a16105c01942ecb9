package org.calibra.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.calibra.casebank.content.CaseBundle;
import org.calibra.casebank.content.CaseBundleReader;
import org.calibra.shared.content.ContentException;
import org.calibra.synthetic.Recipe.Lesion;
import org.calibra.synthetic.Recipe.RadiographParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recipe-only bundles load through the app's own reader, from a cache that is filled once and checked. */
class MaterialiseTest {

    @TempDir
    Path tmp;
    Path cases, cache, fullCases;
    SyntheticCaseGenerator.Generated generated;
    static final String ID = "synth-mat-001";

    @BeforeEach
    void writeBundles() throws IOException {
        cases = tmp.resolve("cases");
        fullCases = tmp.resolve("full");
        cache = tmp.resolve("cache");
        var recipe = new Recipe(ID, Recipe.Kind.CHEST_RADIOGRAPH, 77,
                RadiographParameters.standard(List.of(new Lesion("L1", 18, 0.06, 160.5, 230.25))), new Recipe.AiModel(1, 1.5, 1.8, 0.7, 0.6));
        generated = SyntheticCaseGenerator.generate(recipe, "test");
        SyntheticCases.writeBundle(generated, cases, false);
        SyntheticCases.writeBundle(generated, fullCases, true);
    }

    private CaseBundle read() {
        return CaseBundleReader.read(cases.resolve(ID), "cases", cache);
    }

    private Path cached(String name) throws IOException {
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).findFirst().orElseThrow().resolve(name);
        }
    }

    @Test
    void a_recipe_only_bundle_loads_with_its_regenerated_files_and_the_same_version_as_the_full_bundle() throws IOException {
        assertThat(Files.list(cases.resolve(ID)).map(p -> p.getFileName().toString())).containsExactly("case.yaml");

        CaseBundle fromRecipe = read();
        CaseBundle full = CaseBundleReader.read(fullCases.resolve(ID), "cases", tmp.resolve("unused-cache"));

        assertThat(fromRecipe.stack()).hasSize(1);
        assertThat(fromRecipe.files().getFirst().bytes()).isEqualTo(generated.files().get("image.dcm"));
        assertThat(fromRecipe.heatmaps()).hasSize(generated.heatmaps().size()).isNotEmpty();
        assertThat(fromRecipe.manifest().truth().findings().getFirst().x()).isEqualTo(160.5);
        assertThat(fromRecipe.contentHash()).isEqualTo(full.contentHash());
        assertThat(tmp.resolve("unused-cache")).doesNotExist();
    }

    @Test
    void a_second_load_reuses_the_cache_and_a_damaged_cache_is_regenerated() throws IOException {
        read();
        Path image = cached("image.dcm");
        var firstWrite = Files.getLastModifiedTime(image);
        read();
        assertThat(Files.getLastModifiedTime(image)).isEqualTo(firstWrite);

        Files.write(image, new byte[] {1, 2, 3});
        CaseBundle again = read();

        assertThat(again.files().getFirst().bytes()).isEqualTo(generated.files().get("image.dcm"));
        assertThat(Files.readAllBytes(cached("image.dcm"))).isEqualTo(generated.files().get("image.dcm"));
    }

    @Test
    void a_hash_that_does_not_match_the_regenerated_files_is_an_error_naming_the_case() throws IOException {
        Path manifest = cases.resolve(ID).resolve("case.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace(generated.sha256(), "ab".repeat(32)));

        var e = catchThrowableOfType(ContentException.class, this::read);

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("cases/" + ID + "/case.yaml");
            assertThat(p.field()).isEqualTo("synthetic.sha256");
            assertThat(p.message()).startsWith("case '" + ID + "': the regenerated files have sha256 " + generated.sha256()
                    + " but the recipe says " + "ab".repeat(32));
        });
    }

    @Test
    void a_changed_recipe_is_a_mismatch_too_and_an_edited_full_bundle_file_is_caught() throws IOException {
        Path manifest = cases.resolve(ID).resolve("case.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("seed: 77", "seed: 78"));
        assertThat(catchThrowableOfType(ContentException.class, this::read).problems()).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("synthetic.sha256"));

        Path image = fullCases.resolve(ID).resolve("image.dcm");
        byte[] bytes = Files.readAllBytes(image);
        bytes[bytes.length - 1] ^= 1;
        Files.write(image, bytes);
        assertThat(catchThrowableOfType(ContentException.class, () -> CaseBundleReader.read(fullCases.resolve(ID), "cases", cache)).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("the files in the case folder have sha256"));
    }

    @Test
    void some_but_not_all_generated_files_in_the_folder_is_an_error() throws IOException {
        Files.write(cases.resolve(ID).resolve("image.dcm"), generated.files().get("image.dcm"));

        assertThat(catchThrowableOfType(ContentException.class, this::read).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("has 1 of the 2 generated files"));
    }
}
