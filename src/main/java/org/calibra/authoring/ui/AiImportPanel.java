package org.calibra.authoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.upload.Upload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.calibra.authoring.AiImportFile;
import org.calibra.authoring.AuthoringService;
import org.calibra.authoring.CaseDraft;
import org.calibra.authoring.DraftContent;
import org.calibra.authoring.DraftRefused;
import org.calibra.authoring.SaveOutcome;
import org.calibra.casebank.aiobjects.AiFile;
import org.calibra.shared.web.BoundedUpload;

/**
 * Upload of an AI product's result files onto the draft: each file read at once against the draft's images and shown in
 * words (what was found, or why it cannot be used); the educator ticks the usable ones and adds them — saved as one
 * revision together with the form as it is, or nothing at all.
 */
class AiImportPanel extends Div {

    /** AI objects are small next to a case; a segmentation of a long CT stays well below this. */
    private static final long MAX_BYTES = 64L << 20;

    private final AuthoringService authoring;
    private final Supplier<CaseDraft> draft;
    private final Supplier<DraftContent> edited;
    private final Consumer<CaseDraft> saved;
    private final Map<String, byte[]> received = new LinkedHashMap<>();
    private final Map<String, Checkbox> chosen = new LinkedHashMap<>();
    private final IntegerField pngImage = new IntegerField("Image of a PNG heatmap");
    private final Div results = new Div();
    private final Paragraph status = new Paragraph();
    private final Button add = new Button("Add the ticked files to the draft", e -> add());
    private final Upload upload;

    AiImportPanel(AuthoringService authoring, Supplier<CaseDraft> draft, Supplier<DraftContent> edited, Consumer<CaseDraft> saved) {
        this.authoring = authoring;
        this.draft = draft;
        this.edited = edited;
        this.saved = saved;
        setId("ai-import");
        pngImage.setId("ai-import-png-image");
        pngImage.setMin(1);
        pngImage.setValue(1);
        pngImage.setStepButtonsVisible(true);
        pngImage.setHelperText("A PNG does not say which image it belongs to: its number in the stack, from 1");
        pngImage.addValueChangeListener(e -> readAll());
        upload = new Upload(new BoundedUpload(MAX_BYTES, (name, bytes) -> getUI().ifPresent(ui -> ui.access(() -> {
            received.put(name, bytes);
            readAll();
        })), why -> getUI().ifPresent(ui -> ui.access(() -> status.setText("Not read: " + why + ".")))));
        upload.setId("ai-import-upload");
        upload.setMaxFiles(20);
        upload.setAcceptedFileTypes(".dcm", ".png", "application/dicom", "image/png");
        upload.setMaxFileSize((int) MAX_BYTES);
        upload.addFileRejectedListener(e -> status.setText("Not read: " + e.getErrorMessage() + " (DICOM or PNG files of at most "
                + (MAX_BYTES >> 20) + " MB)"));
        upload.getElement().setAttribute("aria-label", "AI result files");
        status.setId("ai-import-status");
        status.getElement().setAttribute("role", "status");
        results.setId("ai-import-results");
        add.setId("ai-import-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setEnabled(false);
        add(new H4("Import the AI's result files"), new Paragraph("DICOM segmentations (SEG), measurement reports (SR, TID 1500) and heatmaps"
                + " (DICOM, or an 8-bit grey PNG). They may name the images as the AI product saw them, before de-identification."),
                upload, pngImage, status, results, add);
    }

    /** Reads every file received so far again (the PNG image may have changed); nothing is stored. */
    private void readAll() {
        var d = draft.get();
        List<AiFile> files = received.entrySet().stream().map(e -> new AiFile(e.getKey(), e.getValue())).toList();
        int png = pngImage.getValue() == null ? 0 : pngImage.getValue() - 1;
        List<AiImportFile> read;
        try {
            read = authoring.readAiObjects(d.id(), files, png);
        } catch (DraftRefused e) {
            status.setText(e.getMessage());
            return;
        }
        results.removeAll();
        chosen.clear();
        var list = new UnorderedList();
        list.setId("ai-import-files");
        for (AiImportFile f : read) {
            var item = new ListItem();
            item.addClassName(f.usable() ? "ai-file-usable" : "ai-file-refused");
            if (f.usable()) {
                var box = new Checkbox(f.fileName() + ": " + f.summary(), true, e -> refreshAdd());
                chosen.put(f.fileName(), box);
                item.add(box);
            } else {
                item.add(new Paragraph(f.fileName() + " cannot be added:"));
            }
            if (!f.details().isEmpty()) {
                var details = new UnorderedList();
                f.details().forEach(t -> details.add(new ListItem(t)));
                item.add(details);
            }
            list.add(item);
        }
        results.add(list);
        long usable = read.stream().filter(AiImportFile::usable).count();
        status.setText(read.size() + " file(s) read: " + usable + " can be added" + (usable < read.size() ? ", " + (read.size() - usable)
                + " cannot (see why below)" : "") + ".");
        refreshAdd();
    }

    private void refreshAdd() {
        add.setEnabled(chosen.values().stream().anyMatch(Checkbox::getValue));
    }

    private void add() {
        var d = draft.get();
        List<AiFile> files = new ArrayList<>();
        chosen.forEach((name, box) -> {
            if (box.getValue()) {
                files.add(new AiFile(name, received.get(name)));
            }
        });
        try {
            switch (authoring.addAiObjects(d.id(), d.revision(), edited.get(), files, pngImage.getValue() == null ? 0 : pngImage.getValue() - 1)) {
                case SaveOutcome.Saved s -> {
                    received.clear();
                    saved.accept(s.draft());
                }
                case SaveOutcome.Conflict c -> status.setText("Not added: " + c.message() + " Reload the draft and add the files again.");
            }
        } catch (DraftRefused e) {
            status.setText(e.getMessage());
        }
    }

    void setReadOnly(boolean readOnly) {
        setVisible(!readOnly);
    }
}
