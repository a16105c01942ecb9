package org.calibra.viewer;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import java.util.Base64;
import org.calibra.shared.JsonText;

/**
 * The events of the viewer's authoring mode ({@link CalibraViewer#setAuthoring}). Every edit the educator makes —
 * including an undo or redo — arrives as one of created / changed / deleted with the whole shape as it is now (or was,
 * for a deletion), already checked by the viewer (≥ 3 points, no self-crossing, inside the image, positive size).
 * Java stores it; it need not send the list back (if it does, an identical list changes nothing, another list
 * replaces the viewer's and ends its undo history).
 */
public final class AuthoringEvents {

    private AuthoringEvents() {
    }

    /** An edit of one shape in {@link #layer()}. */
    public abstract static class ShapeEvent extends ComponentEvent<CalibraViewer> {
        private final AuthoringLayer layer;
        private final ViewerShape shape;

        protected ShapeEvent(CalibraViewer source, boolean fromClient, String layer, String json) {
            super(source, fromClient);
            this.layer = AuthoringLayer.of(layer);
            this.shape = JsonText.read(json, ViewerShape.class);
        }

        public AuthoringLayer layer() { return layer; }
        public ViewerShape shape() { return shape; }
    }

    /** A new shape (drawn, or brought back by undo/redo); its id is the viewer's ({@code truth-3}, {@code ai-1}, …). */
    @DomEvent("shape-created")
    public static class ShapeCreatedEvent extends ShapeEvent {
        public ShapeCreatedEvent(CalibraViewer source, boolean fromClient, @EventData("event.detail.layer") String layer,
                                 @EventData("event.detail.json") String json) {
            super(source, fromClient, layer, json);
        }
    }

    /** A shape moved, resized, reshaped, relabelled, given other images or contours, or another probability. */
    @DomEvent("shape-changed")
    public static class ShapeChangedEvent extends ShapeEvent {
        public ShapeChangedEvent(CalibraViewer source, boolean fromClient, @EventData("event.detail.layer") String layer,
                                 @EventData("event.detail.json") String json) {
            super(source, fromClient, layer, json);
        }
    }

    /** A shape deleted; {@link #shape()} is how it was. */
    @DomEvent("shape-deleted")
    public static class ShapeDeletedEvent extends ShapeEvent {
        public ShapeDeletedEvent(CalibraViewer source, boolean fromClient, @EventData("event.detail.layer") String layer,
                                 @EventData("event.detail.json") String json) {
            super(source, fromClient, layer, json);
        }
    }

    /** The educator selected a shape (or none: empty id), e.g. to show its details beside the viewer. */
    @DomEvent("shape-selected")
    public static class ShapeSelectedEvent extends ComponentEvent<CalibraViewer> {
        private final AuthoringLayer layer;
        private final String shapeId;

        public ShapeSelectedEvent(CalibraViewer source, boolean fromClient, @EventData("event.detail.layer") String layer,
                                  @EventData("event.detail.id") String shapeId) {
            super(source, fromClient);
            this.layer = AuthoringLayer.of(layer);
            this.shapeId = shapeId == null ? "" : shapeId;
        }

        public AuthoringLayer layer() { return layer; }
        /** The selected shape's id; empty when the selection was cleared. */
        public String shapeId() { return shapeId; }
    }

    /** The view as shown (image, window, zoom, measurements and overlay, without editing handles) as a PNG. */
    @DomEvent("key-image-captured")
    public static class KeyImageCapturedEvent extends ComponentEvent<CalibraViewer> {
        private static final String PREFIX = "data:image/png;base64,";
        private final int imageIndex;
        private final String png;
        private final int width;
        private final int height;

        public KeyImageCapturedEvent(CalibraViewer source, boolean fromClient, @EventData("event.detail.imageIndex") int imageIndex,
                                     @EventData("event.detail.png") String png, @EventData("event.detail.width") int width,
                                     @EventData("event.detail.height") int height) {
            super(source, fromClient);
            this.imageIndex = imageIndex;
            this.png = png;
            this.width = width;
            this.height = height;
        }

        /** The stack position (0-based) the key image shows. */
        public int imageIndex() { return imageIndex; }
        /** The PNG as a data URL ({@code data:image/png;base64,…}), ready for an {@code <img src>}. */
        public String pngDataUrl() { return png; }
        public int width() { return width; }
        public int height() { return height; }

        /** The PNG file's bytes. */
        public byte[] pngBytes() {
            if (png == null || !png.startsWith(PREFIX)) {
                throw new IllegalStateException("not a PNG data URL");
            }
            return Base64.getDecoder().decode(png.substring(PREFIX.length()));
        }
    }
}
