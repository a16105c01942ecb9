package org.calibra.authoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import org.calibra.authoring.DraftContent;
import org.calibra.authoring.DraftImage;
import org.calibra.authoring.DraftProblem;
import org.calibra.authoring.ManifestEdit;
import org.calibra.casebank.CaseService;
import org.calibra.casebank.content.CaseManifest;

/**
 * The key images of the teaching content (ADR 0024): views captured in the viewer, each with a thumbnail, its caption
 * (editable; it is also the picture's text for screen readers) and Delete. "Capture the view" asks the page's viewer for
 * the view as shown; the page stores the capture as a new revision. Caption edits and deletions are saved with the draft,
 * and only when they changed something.
 */
class DraftKeyImagesSection extends Div implements DraftForm.Section {

    private final Div rows = new Div();
    private final Button capture = new Button("Capture the view as a key image");
    private final List<Row> shown = new ArrayList<>();
    private List<CaseManifest.KeyImage> loaded = List.of();
    private boolean readOnly;

    /** A key image as listed: the entry as loaded, its caption field, and whether Delete was pressed. */
    private record Row(CaseManifest.KeyImage entry, TextField caption, Div box, boolean[] deleted) {}

    DraftKeyImagesSection(Runnable captureView) {
        setId("draft-key-images");
        rows.setId("draft-key-image-list");
        capture.setId("draft-capture-key-image");
        capture.addClickListener(e -> captureView.run());
        var help = new Paragraph("Shown with the teaching points after the read is submitted, never before. Show what matters in the"
                + " viewer (image, window, zoom, the truth if you like), then capture it; the viewer's Key image button does the same.");
        help.addClassName("meta");
        add(new H3("Key images"), help, rows, capture);
    }

    @Override
    public Component component() {
        return this;
    }

    @Override
    public void show(DraftContent content, List<DraftImage> stack) {
        loaded = content.manifest().keyImageList();
        shown.clear();
        rows.removeAll();
        int n = 1;
        for (var k : loaded) {
            shown.add(row(n++, k, content.files().get(k.file())));
        }
        if (loaded.isEmpty()) {
            var none = new Paragraph("No key images yet.");
            none.setId("draft-no-key-images");
            rows.add(none);
        }
    }

    private Row row(int n, CaseManifest.KeyImage k, String sha) {
        var caption = new TextField("Caption of key image " + n);
        caption.setId("draft-key-image-caption-" + n);
        caption.setValue(k.caption() == null ? "" : k.caption());
        caption.setHelperText("What it shows (image " + (k.imageIndex() + 1) + "); screen readers read it instead of the picture");
        caption.setWidthFull();
        caption.setReadOnly(readOnly);
        var box = new Div();
        box.setId("draft-key-image-" + n);
        box.addClassName("key-image-row");
        if (sha != null) {
            // the picture's own text is the caption; until it has one, say which key image it is
            var thumb = new Image(CaseService.KEY_IMAGE_URL_PREFIX + sha, k.caption() == null || k.caption().isBlank()
                    ? "Key image " + n + " of image " + (k.imageIndex() + 1) : k.caption());
            thumb.setMaxWidth("12rem");
            thumb.addClassName("key-image-thumb");
            box.add(thumb);
        }
        boolean[] deleted = {false};
        var delete = new Button("Delete", e -> {
            deleted[0] = true;
            box.setVisible(false);
        });
        delete.setId("draft-key-image-delete-" + n);
        delete.getElement().setAttribute("aria-label", "Delete key image " + n);
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        delete.setVisible(!readOnly);
        box.add(caption, delete);
        rows.add(box);
        return new Row(k, caption, box, deleted);
    }

    @Override
    public CaseManifest apply(CaseManifest m) {
        List<CaseManifest.KeyImage> edited = shown.stream().filter(r -> !r.deleted()[0])
                .map(r -> new CaseManifest.KeyImage(r.entry().file(), r.entry().imageIndex(), r.caption().getValue().strip())).toList();
        if (edited.equals(loaded)) {
            return m; // untouched: the manifest keeps exactly what it had
        }
        return ManifestEdit.with(m, "keyImages", edited.isEmpty() ? null : new ArrayList<>(edited));
    }

    @Override
    public void showProblems(List<DraftProblem> problems) {
        shown.forEach(r -> r.caption().setInvalid(false));
        for (DraftProblem p : problems) {
            var matcher = java.util.regex.Pattern.compile("^keyImages\\[(\\d+)]").matcher(p.field() == null ? "" : p.field());
            if (matcher.find()) {
                int i = Integer.parseInt(matcher.group(1));
                if (i < shown.size() && !shown.get(i).caption().isInvalid()) {
                    HasValidation target = shown.get(i).caption();
                    target.setErrorMessage(p.message());
                    target.setInvalid(true);
                }
            }
        }
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        capture.setVisible(!readOnly);
        shown.forEach(r -> {
            r.caption().setReadOnly(readOnly);
            r.box().getChildren().filter(Button.class::isInstance).forEach(b -> b.setVisible(!readOnly));
        });
    }
}
