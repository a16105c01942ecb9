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
        addClassNames("viewer-stage", "staff-stage");
        viewer.setHeight(null); // a flex item below the layer bar and any banners, not 100% of the stage
        viewer.addClassName("staff-viewer");
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
        viewer.getElement().addEventListener("image-changed", e -> showing(e.getEventData().get("event.detail.imageIndex").asInt()))
                .addEventData("event.detail.imageIndex");
    }

    /**
     * A banner over the images about some of them (a flagged image's warning), above the layer bar: shown while the viewer
     * shows one of {@code imageIndexes} (the viewer's "image-changed" event), from the first image on.
     */
    void addImageBanner(com.vaadin.flow.component.Component banner, java.util.Collection<Integer> imageIndexes) {
        addComponentAtIndex(0, banner);
        banner.setVisible(imageIndexes.contains(0) || imageIndexes.isEmpty());
        if (!imageIndexes.isEmpty()) {
            banners.put(banner, java.util.Set.copyOf(imageIndexes));
        }
    }

    private final java.util.Map<com.vaadin.flow.component.Component, java.util.Set<Integer>> banners = new java.util.LinkedHashMap<>();

    private void showing(int imageIndex) {
        banners.forEach((banner, images) -> banner.setVisible(images.contains(imageIndex)));
    }

    /** A draft's stack: its stored files, frame by frame ("wadouri"). */
    static List<CalibraViewer.Image> stored(List<org.calibra.authoring.DraftImage> stack) {
        return stack.stream().filter(i -> i.sha256() != null)
                .map(i -> new CalibraViewer.Image(CaseService.DICOM_URL_PREFIX + i.sha256(), i.frame())).toList();
    }
}
