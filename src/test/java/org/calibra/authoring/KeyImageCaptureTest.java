package org.calibra.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.calibra.casebank.content.CaseBundleReader;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.casebank.content.CaseManifests;
import org.calibra.casebank.storage.FilesystemBlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A captured view becomes a draft file and a keyImages entry (ADR 0024); only pixels are kept, anything else is refused in words. */
class KeyImageCaptureTest {

    @TempDir
    Path tmp;

    @Test
    void a_capture_is_re_encoded_stored_and_named_after_the_files_the_draft_already_has() throws Exception {
        var blobs = new FilesystemBlobStore(tmp);
        var capture = new KeyImageCapture(blobs);
        var m = CaseManifests.read("t", Files.readAllBytes(Path.of("cases/mr-iac-schwannoma-detected/case.yaml"))).manifest();
        m = org.calibra.authoring.ManifestEdit.with(m, "keyImages", java.util.List.of(new CaseManifest.KeyImage("key-image-1.png", 0, "First")));
        var content = new DraftContent(m, Map.of("MR_small.dcm", "a".repeat(64), "key-image-1.png", "b".repeat(64)));
        byte[] png = png();
        byte[] withText = java.util.Arrays.copyOf(png, png.length + 5); // bytes after the picture must not survive

        var added = capture.add(content, withText, 0, 1);

        assertThat(added.manifest().keyImageList()).containsExactly(new CaseManifest.KeyImage("key-image-1.png", 0, "First"),
                new CaseManifest.KeyImage("key-image-2.png", 0, ""));
        String sha = added.files().get("key-image-2.png");
        byte[] stored = blobs.open(sha).orElseThrow().readAllBytes();
        assertThat(CaseBundleReader.sha256(stored)).isEqualTo(sha);
        assertThat(stored).isNotEqualTo(withText);
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(stored)).getWidth()).isEqualTo(16);
        assertThat(added.manifest().truth()).isEqualTo(content.manifest().truth());
    }

    @Test
    void not_a_png_and_an_image_outside_the_stack_are_refused_in_words() throws Exception {
        var capture = new KeyImageCapture(new FilesystemBlobStore(tmp));
        var m = CaseManifests.read("t", Files.readAllBytes(Path.of("cases/mr-iac-schwannoma-detected/case.yaml"))).manifest();
        var content = new DraftContent(m, Map.of());
        assertThatThrownBy(() -> capture.add(content, "<svg onload=alert(1)>".getBytes(StandardCharsets.US_ASCII), 0, 1))
                .hasMessage("The key image is not a PNG picture.");
        assertThatThrownBy(() -> capture.add(content, png(), 3, 1)).hasMessage("The key image shows image 4, but the case has 1 image(s).");
        assertThat(Files.list(tmp)).as("nothing stored").isEmpty();
    }

    private static byte[] png() throws Exception {
        var image = new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
