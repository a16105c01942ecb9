package org.calibra.authoring.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.calibra.casebank.CaseService;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.viewer.CalibraViewer;
import org.calibra.viewer.ViewerShape;

/**
 * A case's images in the shared viewer for staff, with two layers to switch: the truth (lesions as their shapes, from the
 * manifest) and the AI (its marks with their probability, and its heatmaps). The same for a published version and a
 * draft — only where the images come from differs. The viewer is in review mode (nothing is drawn here); the geometry
 * editor works on the same element ({@link #viewer()}, ADR 0022).
 */
class CaseStage extends Div {

    private final CalibraViewer viewer = new CalibraViewer();

    /** {@code files}: the stored file of each name the manifest uses (for the heatmaps). */
    CaseStage(List<CalibraViewer.Image> images, CaseManifest m, Map<String, String> files) {
        addClassNames("viewer-stage", "staff-stage");
        viewer.setHeight(null); // a flex item below the layer bar, not 100% of the stage
        viewer.addClassName("staff-viewer");
        viewer.setImages(images);
        viewer.setMarkingEnabled(false);
        viewer.setModality(m.modality());
        List<ViewerShape> truth = ManifestShapes.truth(m);
        List<ViewerShape> ai = ManifestShapes.ai(m);
        List<CalibraViewer.Heatmap> heatmaps = new ArrayList<>();
        if (m.ai() != null) {
            m.ai().heatmaps().stream().filter(h -> files.containsKey(h.file()))
                    .forEach(h -> heatmaps.add(new CalibraViewer.Heatmap(h.imageIndex(), CaseService.HEATMAP_URL_PREFIX + files.get(h.file()))));
        }
        viewer.setHeatmaps(heatmaps);
        viewer.setAiVisible(false);
        viewer.setTruthShapes(truth);
        viewer.setAiShapes(List.of());
        var truthBox = new Checkbox("Show the truth (" + truth.size() + " lesion(s))", true, e -> viewer.setTruthShapes(e.getValue() ? truth : List.of()));
        truthBox.setId("layer-truth");
        var aiBox = new Checkbox("Show the AI (" + ai.size() + " mark(s)" + (heatmaps.isEmpty() ? "" : ", heatmaps") + ")", false, e -> {
            viewer.setAiShapes(e.getValue() ? ai : List.of());
            viewer.setAiVisible(e.getValue());
        });
        aiBox.setId("layer-ai");
        var layers = new Div(truthBox, aiBox);
        layers.addClassName("layer-bar");
        layers.getElement().setAttribute("role", "group");
        layers.getElement().setAttribute("aria-label", "Layers shown on the images");
        add(layers, viewer);
    }

    /** Images that may show burned-in text: the viewer puts a banner over each while it is shown. */
    void flag(Collection<Integer> imageIndexes) {
        viewer.setFlaggedImages(imageIndexes);
    }

    CalibraViewer viewer() {
        return viewer;
    }

    /** A draft's stack: its stored files, frame by frame ("wadouri"). */
    static List<CalibraViewer.Image> stored(List<org.calibra.authoring.DraftImage> stack) {
        return stack.stream().filter(i -> i.sha256() != null)
                .map(i -> new CalibraViewer.Image(CaseService.DICOM_URL_PREFIX + i.sha256(), i.frame())).toList();
    }
}
