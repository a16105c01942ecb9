package org.calibra.authoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;
import org.calibra.authoring.DraftContent;
import org.calibra.authoring.DraftImage;
import org.calibra.authoring.DraftProblem;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.viewer.AuthoringLayer;

/**
 * The draft's editable content as a list of sections, each owning some fields of the manifest. It starts with the text
 * fields ({@link DraftTextSection}); the geometry editor (lesions and AI marks drawn on the images) adds its own sections
 * with {@link #addSection}. A section shows the loaded content, writes only its own fields back into the manifest (with
 * {@link org.calibra.authoring.ManifestEdit}, so fields it does not know survive), and marks the problems of its fields.
 */
class DraftForm extends Composite<VerticalLayout> {

    /** One part of the form. */
    interface Section {
        Component component();

        /** Shows the content as loaded (revision by revision); {@code stack}: the draft's images, for sections that point at them. */
        void show(DraftContent content, List<DraftImage> stack);

        /** The manifest with this section's fields as the educator left them. */
        CaseManifest apply(CaseManifest manifest);

        /** Marks this section's fields that have a problem (the problems of other fields are ignored); clears the others. */
        void showProblems(List<DraftProblem> problems);

        void setReadOnly(boolean readOnly);
    }

    /**
     * A section that also draws one layer on the images (truth lesions, AI marks). The page builds a new stage for every
     * revision it shows and hands it over with {@link #bind}: the section listens to its viewer's shape events of
     * {@link #layer()} and sets that layer's shapes with {@link CaseStage#setShapes}; the stage enables the layer in its
     * "Draw on the images" switch for it.
     */
    interface Drawing extends Section {
        AuthoringLayer layer();

        /** Called after {@link #show}, with the stage now showing the draft. */
        void bind(CaseStage stage);
    }

    private final List<Section> sections = new ArrayList<>();
    private final DraftTextSection text = new DraftTextSection();
    private DraftContent loaded;

    DraftForm() {
        this(() -> { });
    }

    /** {@code captureView}: asks the page's viewer for the view as shown, for a key image (ADR 0024). */
    DraftForm(Runnable captureView) {
        getContent().setPadding(false);
        getContent().setId("draft-form");
        addSection(text);
        addSection(new DraftKeyImagesSection(captureView)); // right under the teaching points they illustrate
        addSection(new DraftTruthSection());
    }

    /** A published case keeps its id: the field is read-only in drafts of its next version. */
    void lockId(boolean locked) {
        text.lockId(locked);
    }

    void addSection(Section section) {
        sections.add(section);
        getContent().add(section.component());
        if (loaded != null) {
            section.show(loaded, List.of());
        }
    }

    void show(DraftContent content, List<DraftImage> stack, List<DraftProblem> problems) {
        this.loaded = content;
        sections.forEach(s -> {
            s.show(content, stack);
            s.showProblems(problems);
        });
    }

    /** The loaded content with every section's fields applied: what a save sends. */
    DraftContent edited() {
        CaseManifest m = loaded.manifest();
        for (Section s : sections) {
            m = s.apply(m);
        }
        return loaded.withManifest(m);
    }

    boolean changed() {
        return loaded != null && !edited().equals(loaded);
    }

    /** Gives every drawing section the stage that now shows the draft, enabling its layer there. */
    void bind(CaseStage stage) {
        sections.stream().filter(Drawing.class::isInstance).map(Drawing.class::cast).forEach(d -> {
            stage.allowDrawing(d.layer());
            d.bind(stage);
        });
    }

    void setReadOnly(boolean readOnly) {
        sections.forEach(s -> s.setReadOnly(readOnly));
    }
}
