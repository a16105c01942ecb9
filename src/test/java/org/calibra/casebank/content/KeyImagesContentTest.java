package org.calibra.casebank.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.calibra.shared.content.ContentException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key images (ADR 0024): read from a real case folder with {@code keyImages} added, written back unchanged, and every broken
 * one reported at once, in words naming the key image. Cases without the field read and write back as before.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KeyImagesContentTest {

    private static final Path CASES = Path.of("cases");
    /** A one-image case. */
    private static final String MR = "mr-iac-schwannoma-detected";

    @TempDir
    Path tmp;

    @Test
    void key_images_are_read_checked_and_written_back_the_same() throws IOException {
        Path dir = edited("keyImages:\n  - file: key-image-1.png\n    imageIndex: 0\n    caption: \"Filling defect in the left canal\"\n",
                "key-image-1.png", png(64, 48));
        var bundle = CaseBundleReader.read(dir, "cases");
        assertThat(bundle.manifest().keyImageList()).containsExactly(new CaseManifest.KeyImage("key-image-1.png", 0, "Filling defect in the left canal"));
        assertThat(bundle.keyImages()).singleElement().satisfies(k -> assertThat(k.sha256()).isEqualTo(CaseBundleReader.sha256(k.bytes())));
        assertThat(CaseManifests.fromTree(CaseManifests.tree(bundle.manifest()))).isEqualTo(bundle.manifest());
        var plain = CaseBundleReader.read(CASES.resolve(MR), "cases");
        assertThat(bundle.contentHash()).isNotEqualTo(plain.contentHash()); // a new key image is a new version
    }

    @Test
    void a_case_without_key_images_writes_no_key_images_field() {
        var m = CaseBundleReader.read(CASES.resolve(MR), "cases").manifest();
        assertThat(m.keyImages()).isNull();
        assertThat(m.keyImageList()).isEmpty();
        assertThat(new String(CaseManifests.write(m), StandardCharsets.UTF_8)).doesNotContain("keyImages");
    }

    @Test
    void not_a_png_an_index_outside_the_stack_a_missing_file_a_repeated_name_and_an_empty_caption_are_all_reported() throws IOException {
        Path dir = edited("keyImages:\n"
                + "  - file: not-a-png.png\n    imageIndex: 0\n    caption: \"A\"\n"
                + "  - file: key-image-2.png\n    imageIndex: 3\n    caption: \"B\"\n"
                + "  - file: missing.png\n    imageIndex: 0\n    caption: \"C\"\n"
                + "  - file: key-image-2.png\n    imageIndex: 0\n    caption: \"D\"\n"
                + "  - file: key-image-5.png\n    imageIndex: 0\n    caption: \" \"\n",
                "not-a-png.png", "GIF89a, not a picture".getBytes(StandardCharsets.US_ASCII), "key-image-2.png", png(10, 10),
                "key-image-5.png", png(10, 10));
        var e = catchThrowableOfType(ContentException.class, () -> CaseBundleReader.read(dir, "cases"));
        assertThat(e).as("reading should fail").isNotNull();
        var problems = e.problems().stream().map(p -> tuple(p.file().substring(p.file().lastIndexOf('/') + 1), p.field(), p.message())).toList();
        assertThat(problems).contains(
                tuple("not-a-png.png", "", "key image 1 is not a PNG picture"),
                tuple("case.yaml", "keyImages[1].imageIndex", "key image 2 shows image 3, which is out of range: the stack has 1 image(s), numbered from 0"),
                tuple("case.yaml", "keyImages[2].file", "'missing.png' does not exist in the case folder"),
                tuple("case.yaml", "keyImages[3].file", "key image 4 uses the file name 'key-image-2.png' of an earlier key image; give each key image its own file"));
        assertThat(problems).anySatisfy(p -> assertThat(p.toList().get(1)).isEqualTo("keyImages[4].caption"));
    }

    @Test
    void a_key_image_may_not_reuse_the_name_of_a_dicom_file() throws IOException {
        Path dir = edited("keyImages:\n  - file: MR_small.dcm\n    imageIndex: 0\n    caption: \"A\"\n");
        var e = catchThrowableOfType(ContentException.class, () -> CaseBundleReader.read(dir, "cases"));
        assertThat(e.problems()).extracting(p -> p.message())
                .contains("key image 1 is not a PNG picture",
                        "key image 1 uses the file name 'MR_small.dcm' of an image or heatmap of the case; give it its own file");
    }

    @Test
    void a_capture_is_re_encoded_to_its_pixels_and_anything_else_is_refused_in_words() throws IOException {
        byte[] original = png(30, 20);
        byte[] withTrailer = java.util.Arrays.copyOf(original, original.length + 12);
        byte[] clean = KeyImagePng.clean(withTrailer);
        var image = ImageIO.read(new java.io.ByteArrayInputStream(clean));
        assertThat(image.getWidth()).isEqualTo(30);
        assertThat(clean).isNotEqualTo(withTrailer);
        assertThat(KeyImagePng.problemWith(clean)).isNull();
        assertThatThrownBy(() -> KeyImagePng.clean("<svg/>".getBytes(StandardCharsets.US_ASCII)))
                .hasMessage("The key image is not a PNG picture.");
        assertThat(KeyImagePng.problemWith(png(KeyImagePng.MAX_SIDE + 1, 2))).isEqualTo("is 4097 x 2 pixels; at most 4096 a side");
        byte[] truncated = java.util.Arrays.copyOf(original, 40);
        assertThat(KeyImagePng.problemWith(truncated)).startsWith("cannot be read as a PNG picture");
    }

    static byte[] png(int width, int height) throws IOException {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(width / 2, height / 2, 0xff0000);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** The case folder copied, with {@code keyImagesYaml} appended to its case.yaml and the given files (name, bytes, …) added. */
    private Path edited(String keyImagesYaml, Object... files) throws IOException {
        Path target = tmp.resolve("run-" + System.nanoTime()).resolve(MR);
        Files.createDirectories(target);
        try (Stream<Path> list = Files.list(CASES.resolve(MR))) {
            for (Path f : list.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        Path yaml = target.resolve(CaseBundleReader.MANIFEST);
        String text = Files.readString(yaml, StandardCharsets.UTF_8);
        Files.writeString(yaml, text + keyImagesYaml, StandardCharsets.UTF_8);
        for (int i = 0; i < files.length; i += 2) {
            Files.write(target.resolve((String) files[i]), (byte[]) files[i + 1]);
        }
        return target;
    }

}
