package org.calibra.authoring.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.calibra.casebank.CaseService;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.viewer.AuthoringLayer;
import org.calibra.viewer.CalibraViewer;
import org.calibra.viewer.ViewerShape;

/**
 * A case's images in the shared viewer for staff, with two layers to switch: the truth (lesions as their shapes, from the
 * manifest) and the AI (its marks with their probability, and its heatmaps). The same for a published version and a
 * draft — only where the images come from differs. The viewer is in review mode unless the page offers drawing
 * ({@link #offerDrawing}): then a "Draw on the images" switch picks the layer the educator draws, each layer enabled
 * once a section of the draft form that edits it registers ({@link #allowDrawing}); that section listens to
 * {@link #viewer()} and keeps the layer's shapes current with {@link #setShapes} (ADR 0022).
 */
class CaseStage extends Div {

    private final CalibraViewer viewer = new CalibraViewer();
    private final RadioButtonGroup<AuthoringLayer> draw = new RadioButtonGroup<>("Draw on the images");
    private final Set<AuthoringLayer> drawable = EnumSet.of(AuthoringLayer.NONE);
    private final Checkbox truthBox;
    private final Checkbox aiBox;
    private List<ViewerShape> truth;
    private List<ViewerShape> ai;

    /** {@code files}: the stored file of each name the manifest uses (for the heatmaps). */
    CaseStage(List<CalibraViewer.Image> images, CaseManifest m, Map<String, String> files) {
        addClassNames("viewer-stage", "staff-stage");
        viewer.setHeight(null); // a flex item below the layer bar, not 100% of the stage
        viewer.addClassName("staff-viewer");
        viewer.setImages(images);
        viewer.setMarkingEnabled(false);
        viewer.setModality(m.modality());
        truth = ManifestShapes.truth(m);
        ai = ManifestShapes.ai(m);
        List<CalibraViewer.Heatmap> heatmaps = new ArrayList<>();
        if (m.ai() != null) {
            m.ai().heatmaps().stream().filter(h -> files.containsKey(h.file()))
                    .forEach(h -> heatmaps.add(new CalibraViewer.Heatmap(h.imageIndex(), CaseService.HEATMAP_URL_PREFIX + files.get(h.file()))));
        }
        viewer.setHeatmaps(heatmaps);
        viewer.setAiVisible(false);
        viewer.setTruthShapes(truth);
        viewer.setAiShapes(List.of());
        truthBox = new Checkbox("Show the truth (" + truth.size() + " lesion(s))", true, e -> viewer.setTruthShapes(e.getValue() ? truth : List.of()));
        truthBox.setId("layer-truth");
        aiBox = new Checkbox("Show the AI (" + ai.size() + " mark(s)" + (heatmaps.isEmpty() ? "" : ", heatmaps") + ")", false, e -> {
            viewer.setAiShapes(e.getValue() ? ai : List.of());
            viewer.setAiVisible(e.getValue());
        });
        aiBox.setId("layer-ai");
        draw.setId("draw-layer");
        draw.setItems(AuthoringLayer.NONE, AuthoringLayer.TRUTH, AuthoringLayer.AI);
        draw.setItemLabelGenerator(CaseStage::words);
        draw.setItemEnabledProvider(drawable::contains);
        draw.setValue(AuthoringLayer.NONE);
        draw.setVisible(false);
        draw.addValueChangeListener(e -> drawn(e.getValue() == null ? AuthoringLayer.NONE : e.getValue()));
        var layers = new Div(truthBox, aiBox, draw);
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

    /** Shows the "Draw on the images" switch; read-only (a draft in review, say) it stays on None. */
    void offerDrawing(boolean editable) {
        draw.setVisible(true);
        draw.setReadOnly(!editable);
        draw.setHelperText(editable ? "Draw, move and reshape the chosen layer's shapes with the tools above the image" : "Only a draft can be drawn on");
    }

    /** A section edits this layer: its option is enabled (the others stay greyed out until theirs register). */
    void allowDrawing(AuthoringLayer layer) {
        drawable.add(layer);
        draw.getDataProvider().refreshAll();
    }

    /** Draws on {@code layer} if it is enabled and the switch is not read-only; None otherwise. */
    void draw(AuthoringLayer layer) {
        draw.setValue(drawable.contains(layer) && !draw.isReadOnly() ? layer : AuthoringLayer.NONE);
    }

    AuthoringLayer drawing() {
        return draw.getValue() == null ? AuthoringLayer.NONE : draw.getValue();
    }

    Registration addDrawingListener(Consumer<AuthoringLayer> listener) {
        return draw.addValueChangeListener(e -> listener.accept(e.getValue() == null ? AuthoringLayer.NONE : e.getValue()));
    }

    /** The layer's shapes as a section now has them; drawn at once if the layer is shown. */
    void setShapes(AuthoringLayer layer, List<ViewerShape> shapes) {
        if (layer == AuthoringLayer.TRUTH) {
            truth = List.copyOf(shapes);
            truthBox.setLabel("Show the truth (" + truth.size() + " lesion(s))");
            if (truthBox.getValue()) {
                viewer.setTruthShapes(truth);
            }
        } else if (layer == AuthoringLayer.AI) {
            ai = List.copyOf(shapes);
            if (aiBox.getValue()) {
                viewer.setAiShapes(ai);
            }
        }
    }

    /** The layer's shapes as the viewer itself already draws them (it reported them): kept for the show/hide box only. */
    void keepShapes(AuthoringLayer layer, List<ViewerShape> shapes) {
        if (layer == AuthoringLayer.TRUTH) {
            truth = List.copyOf(shapes);
            truthBox.setLabel("Show the truth (" + truth.size() + " lesion(s))");
        } else if (layer == AuthoringLayer.AI) {
            ai = List.copyOf(shapes);
        }
    }

    /** The layer drawn is always shown (its box ticked and locked); the viewer edits it. */
    private void drawn(AuthoringLayer layer) {
        truthBox.setEnabled(layer != AuthoringLayer.TRUTH);
        aiBox.setEnabled(layer != AuthoringLayer.AI);
        if (layer == AuthoringLayer.TRUTH) {
            truthBox.setValue(true);
        } else if (layer == AuthoringLayer.AI) {
            aiBox.setValue(true);
        }
        viewer.setAuthoring(layer);
    }

    private static String words(AuthoringLayer layer) {
        return switch (layer) {
            case NONE -> "None (look only)";
            case TRUTH -> "Truth lesions";
            case AI -> "AI marks";
        };
    }

    /** A draft's stack: its stored files, frame by frame ("wadouri"). */
    static List<CalibraViewer.Image> stored(List<org.calibra.authoring.DraftImage> stack) {
        return stack.stream().filter(i -> i.sha256() != null)
                .map(i -> new CalibraViewer.Image(CaseService.DICOM_URL_PREFIX + i.sha256(), i.frame())).toList();
    }
}
