package org.calibra.viewer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.calibra.shared.JsonText;
import org.calibra.viewer.AuthoringEvents.KeyImageCapturedEvent;
import org.calibra.viewer.AuthoringEvents.ShapeChangedEvent;
import org.calibra.viewer.AuthoringEvents.ShapeCreatedEvent;
import org.calibra.viewer.AuthoringEvents.ShapeDeletedEvent;
import org.calibra.viewer.AuthoringEvents.ShapeSelectedEvent;

/**
 * The Cornerstone3D viewer ({@code frontend/calibra-viewer/}) as a Flow component, shared by every view that shows a
 * case (reading, feedback, staff pages). Java talks to it only through properties (JSON strings) and DOM events.
 * It depends on no feature module: callers hand it plain records. Ground truth is set only after submission.
 *
 * <p>Authoring (case editor and review pages): {@link #setAuthoring} lets the educator draw one layer — truth lesions or
 * AI marks, as {@link ViewerShape}s — while {@link #setTruthShapes} and {@link #setAiShapes} show both; every edit
 * comes back as an event of {@link AuthoringEvents}. {@link #captureKeyImage} (or the viewer's Key image button) sends
 * the view as a PNG; {@link #setFlaggedImages} marks images that may show burned-in patient text.
 */
@Tag("calibra-viewer")
@JsModule("./calibra-viewer/calibra-viewer.ts")
@NpmPackage(value = "@cornerstonejs/core", version = "5.14.0")
@NpmPackage(value = "@cornerstonejs/tools", version = "5.14.0")
@NpmPackage(value = "@cornerstonejs/dicom-image-loader", version = "5.14.0")
@NpmPackage(value = "events", version = "3.3.0")
public class CalibraViewer extends Component implements HasSize {

    /**
     * One stack entry: {@code url} of the Part 10 file and its 0-based {@code frame}; when the image can come over DICOMweb,
     * {@code wadoRs} (its WADO-RS frame URL) and {@code metadata} (its series' metadata URL), which the viewer prefers.
     */
    public record Image(String url, int frame, String wadoRs, String metadata) {
        public Image(String url, int frame) {
            this(url, frame, null, null);
        }
    }

    /**
     * A trainee's finding. (x, y) is the centre in image pixels; shape is "point", "ellipse" or "box" with full
     * extents width × height in image pixels (0 for a point). status: null before submission, then "hit",
     * "duplicate" or "false-positive".
     */
    public record ViewerMark(String id, int imageIndex, double x, double y, String shape, double width, double height, String label,
                             int confidence, boolean selected, String status) {

        public static final String POINT = "point";
        public static final String ELLIPSE = "ellipse";
        public static final String BOX = "box";

        /** A point finding. */
        public ViewerMark(String id, int imageIndex, double x, double y, String label, int confidence, boolean selected, String status) {
            this(id, imageIndex, x, y, POINT, 0, 0, label, confidence, selected, status);
        }
    }

    /** An AI heatmap: an 8-bit grayscale PNG (any size) stretched over the whole of image {@code imageIndex}. */
    public record Heatmap(int imageIndex, String url) {}

    public record ViewerAiMark(String id, int imageIndex, double x, double y, String label, double probability, String status) {}

    /**
     * A truth lesion centred on {@code imageIndex} and drawn on every image from {@code firstImage} to {@code lastImage}:
     * a circle of {@code radius}, or — when {@code shape} is "ellipse", "box" or "polygon" — its outline as in
     * {@link ViewerShape} (with its contour on the images that have one).
     */
    public record ViewerLesion(String id, int imageIndex, double x, double y, double radius, String label, boolean detected,
                               int firstImage, int lastImage, String shape, double width, double height,
                               List<ViewerPoint> points, Map<Integer, List<ViewerPoint>> contours) {
        public ViewerLesion {
            shape = shape == null ? ViewerShape.POINT : shape;
            points = points == null ? List.of() : List.copyOf(points);
            contours = contours == null ? Map.of() : Map.copyOf(contours);
        }

        public ViewerLesion(String id, int imageIndex, double x, double y, double radius, String label, boolean detected,
                            int firstImage, int lastImage) {
            this(id, imageIndex, x, y, radius, label, detected, firstImage, lastImage, ViewerShape.POINT, 0, 0, List.of(), Map.of());
        }

        public ViewerLesion(String id, int imageIndex, double x, double y, double radius, String label, boolean detected) {
            this(id, imageIndex, x, y, radius, label, detected, imageIndex, imageIndex);
        }

        /** An authored lesion on the feedback page, found by the trainee ({@code detected}) or missed. */
        public static ViewerLesion of(ViewerShape s, boolean detected) {
            return new ViewerLesion(s.id(), s.imageIndex(), s.x(), s.y(), s.radius(), s.label(), detected, s.firstImage(), s.lastImage(),
                    s.shape(), s.width(), s.height(), s.points(), s.contours());
        }
    }

    public CalibraViewer() {
        setId("viewer");
        setSizeFull();
    }

    public void setImages(List<Image> images) {
        getElement().setProperty("images", JsonText.write(images));
    }

    public void setMarks(List<ViewerMark> marks) {
        getElement().setProperty("marks", JsonText.write(marks));
    }

    public void setAiMarks(List<ViewerAiMark> marks) {
        getElement().setProperty("aiMarks", JsonText.write(marks));
    }

    public void setAiVisible(boolean visible) {
        getElement().setProperty("aiVisible", visible);
    }

    /** Only ever called once the read is submitted. */
    public void setTruth(List<ViewerLesion> lesions) {
        getElement().setProperty("truth", JsonText.write(lesions));
    }

    public void setMarkingEnabled(boolean enabled) {
        getElement().setProperty("markingEnabled", enabled);
    }

    /** DICOM modality of the case ("CT", "MR", …): CT gets the HU window presets. Empty: read from the images. */
    public void setModality(String modality) {
        getElement().setProperty("modality", modality == null ? "" : modality);
    }

    /** The AI's heatmaps; drawn only while the AI is visible ({@link #setAiVisible}). Never send them before the AI may be shown. */
    public void setHeatmaps(List<Heatmap> heatmaps) {
        getElement().setProperty("heatmaps", JsonText.write(heatmaps));
    }

    // ---- authoring (case editor, review) ----

    /** The layer the educator draws: {@link AuthoringLayer#TRUTH}, {@link AuthoringLayer#AI}, or NONE (shapes only shown). */
    public void setAuthoring(AuthoringLayer layer) {
        getElement().setProperty("authoring", (layer == null ? AuthoringLayer.NONE : layer).value());
    }

    /** The case's truth lesions as shapes (solid bluish-green; editable while authoring TRUTH). */
    public void setTruthShapes(List<ViewerShape> shapes) {
        getElement().setProperty("truthShapes", JsonText.write(shapes == null ? List.of() : shapes));
    }

    /** The AI's marks as shapes, with their probability (dashed orange; editable while authoring AI). */
    public void setAiShapes(List<ViewerShape> shapes) {
        getElement().setProperty("aiShapes", JsonText.write(shapes == null ? List.of() : shapes));
    }

    /** Images (0-based stack positions) that may show burned-in patient text: a banner asks to check them. */
    public void setFlaggedImages(Collection<Integer> imageIndices) {
        getElement().setProperty("flaggedImages", JsonText.write(imageIndices == null ? List.of()
                : imageIndices.stream().filter(i -> i != null && i >= 0).distinct().sorted().toList()));
    }

    /** Asks the viewer for the view as shown; it answers with a {@link KeyImageCapturedEvent} (or a hint on the image). */
    public void captureKeyImage() {
        getElement().callJsFunction("captureKeyImage");
    }

    /** Selects shape {@code id} of the layer being drawn (as a click on it would; a shape-selected event follows) and shows its key image. */
    public void selectShape(String id) {
        getElement().callJsFunction("selectShape", id);
    }

    public Registration addShapeCreatedListener(ComponentEventListener<ShapeCreatedEvent> listener) {
        return addListener(ShapeCreatedEvent.class, listener);
    }

    public Registration addShapeChangedListener(ComponentEventListener<ShapeChangedEvent> listener) {
        return addListener(ShapeChangedEvent.class, listener);
    }

    public Registration addShapeDeletedListener(ComponentEventListener<ShapeDeletedEvent> listener) {
        return addListener(ShapeDeletedEvent.class, listener);
    }

    public Registration addShapeSelectedListener(ComponentEventListener<ShapeSelectedEvent> listener) {
        return addListener(ShapeSelectedEvent.class, listener);
    }

    public Registration addKeyImageCapturedListener(ComponentEventListener<KeyImageCapturedEvent> listener) {
        return addListener(KeyImageCapturedEvent.class, listener);
    }

    // ---- reading and feedback ----

    public Registration addMarkPlacedListener(ComponentEventListener<MarkPlacedEvent> listener) {
        return addListener(MarkPlacedEvent.class, listener);
    }

    public Registration addMarkSelectedListener(ComponentEventListener<MarkSelectedEvent> listener) {
        return addListener(MarkSelectedEvent.class, listener);
    }

    /** The trainee pressed Delete/Backspace with finding {@code markId} selected; Java decides and sends the new marks. */
    public Registration addMarkDeleteRequestedListener(ComponentEventListener<MarkDeleteRequestedEvent> listener) {
        return addListener(MarkDeleteRequestedEvent.class, listener);
    }

    public Registration addViewerErrorListener(ComponentEventListener<ViewerErrorEvent> listener) {
        return addListener(ViewerErrorEvent.class, listener);
    }

    /** A new finding: centre (x, y) and, for "ellipse" / "box", full extents width × height, all in image pixels. */
    @DomEvent("mark-placed")
    public static class MarkPlacedEvent extends ComponentEvent<CalibraViewer> {
        private final int imageIndex;
        private final double x;
        private final double y;
        private final String shape;
        private final double width;
        private final double height;

        public MarkPlacedEvent(CalibraViewer source, boolean fromClient, @EventData("event.detail.imageIndex") int imageIndex,
                               @EventData("event.detail.x") double x, @EventData("event.detail.y") double y,
                               @EventData("event.detail.shape") String shape, @EventData("event.detail.width") double width,
                               @EventData("event.detail.height") double height) {
            super(source, fromClient);
            this.imageIndex = imageIndex;
            this.x = x;
            this.y = y;
            this.shape = ViewerMark.ELLIPSE.equals(shape) || ViewerMark.BOX.equals(shape) ? shape : ViewerMark.POINT;
            boolean point = this.shape.equals(ViewerMark.POINT);
            this.width = point ? 0 : Math.max(0, width);
            this.height = point ? 0 : Math.max(0, height);
        }

        public int imageIndex() { return imageIndex; }
        public double x() { return x; }
        public double y() { return y; }
        /** "point", "ellipse" or "box". */
        public String shape() { return shape; }
        public double width() { return width; }
        public double height() { return height; }
    }

    @DomEvent("mark-delete-requested")
    public static class MarkDeleteRequestedEvent extends ComponentEvent<CalibraViewer> {
        private final String markId;

        public MarkDeleteRequestedEvent(CalibraViewer source, boolean fromClient, @EventData("event.detail.id") String markId) {
            super(source, fromClient);
            this.markId = markId;
        }

        public String markId() { return markId; }
    }

    @DomEvent("mark-selected")
    public static class MarkSelectedEvent extends ComponentEvent<CalibraViewer> {
        private final String markId;

        public MarkSelectedEvent(CalibraViewer source, boolean fromClient, @EventData("event.detail.id") String markId) {
            super(source, fromClient);
            this.markId = markId;
        }

        public String markId() { return markId; }
    }

    @DomEvent("viewer-error")
    public static class ViewerErrorEvent extends ComponentEvent<CalibraViewer> {
        private final String message;

        public ViewerErrorEvent(CalibraViewer source, boolean fromClient, @EventData("event.detail.message") String message) {
            super(source, fromClient);
            this.message = message;
        }

        public String message() { return message; }
    }
}
