package org.calibra.authoring.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.calibra.casebank.CaseService;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.viewer.CalibraViewer;

/**
 * A case's images in the shared viewer for staff, with two layers to switch: the truth (lesions, from the manifest) and
 * the AI (its marks and heatmaps). The same for a published version and a draft — only where the images come from differs.
 */
class CaseStage extends Div {

    private final CalibraViewer viewer = new CalibraViewer();
    private final List<CalibraViewer.ViewerLesion> lesions;

    /** {@code files}: the stored file of each name the manifest uses (for the heatmaps). */
    CaseStage(List<CalibraViewer.Image> images, CaseManifest m, Map<String, String> files) {
        addClassName("viewer-stage");
        viewer.setImages(images);
        viewer.setMarkingEnabled(false);
        viewer.setModality(m.modality());
        lesions = m.truth() == null ? List.of() : m.truth().findings().stream().map(f -> new CalibraViewer.ViewerLesion(f.id(), f.imageIndex(),
                f.x(), f.y(), f.radiusPx(), f.label(), true, f.firstImage(), f.lastImage())).toList();
        List<CalibraViewer.ViewerAiMark> marks = new ArrayList<>();
        List<CalibraViewer.Heatmap> heatmaps = new ArrayList<>();
        if (m.ai() != null) {
            for (int i = 0; i < m.ai().findings().size(); i++) {
                var f = m.ai().findings().get(i);
                marks.add(new CalibraViewer.ViewerAiMark("A" + (i + 1), f.imageIndex(), f.x(), f.y(), f.label(), f.probability(), null));
            }
            m.ai().heatmaps().stream().filter(h -> files.containsKey(h.file()))
                    .forEach(h -> heatmaps.add(new CalibraViewer.Heatmap(h.imageIndex(), CaseService.HEATMAP_URL_PREFIX + files.get(h.file()))));
        }
        viewer.setAiMarks(marks);
        viewer.setHeatmaps(heatmaps);
        viewer.setAiVisible(false);
        viewer.setTruth(lesions);
        var truth = new Checkbox("Show the truth (" + lesions.size() + " lesion(s))", true, e -> viewer.setTruth(e.getValue() ? lesions : List.of()));
        truth.setId("layer-truth");
        var ai = new Checkbox("Show the AI (" + marks.size() + " mark(s)" + (heatmaps.isEmpty() ? "" : ", heatmaps") + ")", false,
                e -> viewer.setAiVisible(e.getValue()));
        ai.setId("layer-ai");
        var layers = new Div(truth, ai);
        layers.addClassName("layer-bar");
        layers.getElement().setAttribute("role", "group");
        layers.getElement().setAttribute("aria-label", "Layers shown on the images");
        add(layers, viewer);
    }

    /** A draft's stack: its stored files, frame by frame ("wadouri"). */
    static List<CalibraViewer.Image> stored(List<org.calibra.authoring.DraftImage> stack) {
        return stack.stream().filter(i -> i.sha256() != null)
                .map(i -> new CalibraViewer.Image(CaseService.DICOM_URL_PREFIX + i.sha256(), i.frame())).toList();
    }
}
