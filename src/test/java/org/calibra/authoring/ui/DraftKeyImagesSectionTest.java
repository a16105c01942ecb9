package org.calibra.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import java.util.List;
import java.util.Map;
import org.calibra.authoring.DraftContent;
import org.calibra.authoring.DraftProblem;
import org.calibra.authoring.ManifestEdit;
import org.calibra.casebank.content.CaseManifest;
import org.junit.jupiter.api.Test;

/** Key images on the draft form (ADR 0024): listed with caption and Delete; written back only when changed. */
class DraftKeyImagesSectionTest {

    private static DraftContent withKeyImages() throws Exception {
        var base = DraftFormTest.content();
        var m = ManifestEdit.with(base.manifest(), "keyImages", List.of(new CaseManifest.KeyImage("key-image-1.png", 0, "Defect in the canal"),
                new CaseManifest.KeyImage("key-image-2.png", 0, "")));
        return new DraftContent(m, Map.of("MR_small.dcm", "a".repeat(64), "key-image-1.png", "b".repeat(64), "key-image-2.png", "c".repeat(64)));
    }

    @Test
    void untouched_key_images_are_written_back_as_they_were() throws Exception {
        var form = new DraftForm();
        var loaded = withKeyImages();
        form.show(loaded, List.of(), List.of());
        assertThat(form.edited()).isEqualTo(loaded);
        assertThat(form.changed()).isFalse();
    }

    @Test
    void a_caption_is_edited_and_a_key_image_deleted() throws Exception {
        var form = new DraftForm();
        form.show(withKeyImages(), List.of(), List.of());
        DraftFormTest.<String>field(form, "draft-key-image-caption-2").setValue("  Same defect, zoomed  ");
        ((Button) DraftFormTest.find(form, "draft-key-image-delete-1").orElseThrow()).click();
        assertThat(form.edited().manifest().keyImageList()).containsExactly(new CaseManifest.KeyImage("key-image-2.png", 0, "Same defect, zoomed"));

        ((Button) DraftFormTest.find(form, "draft-key-image-delete-2").orElseThrow()).click();
        assertThat(form.edited().manifest().keyImages()).as("none left: the field goes").isNull();
    }

    @Test
    void a_missing_caption_is_marked_on_its_field() throws Exception {
        var form = new DraftForm();
        form.show(withKeyImages(), List.of(), List.of(new DraftProblem("keyImages[1].caption", "case.yaml",
                "key image 2 has no caption: describe what it shows")));
        var caption = (com.vaadin.flow.component.textfield.TextField) DraftFormTest.find(form, "draft-key-image-caption-2").orElseThrow();
        assertThat(caption.isInvalid()).isTrue();
        assertThat(caption.getErrorMessage()).startsWith("key image 2 has no caption");
        var thumb = (com.vaadin.flow.component.html.Image) DraftFormTest.find(form, "draft-key-image-2").orElseThrow().getChildren().findFirst().orElseThrow();
        assertThat(thumb.getAlt()).contains("Key image 2 of image 1");
        assertThat(thumb.getSrc()).isEqualTo("/files/key-image/" + "c".repeat(64));
    }
}
