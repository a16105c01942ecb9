package org.calibra.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.calibra.shared.JsonText;
import org.calibra.viewer.AuthoringEvents.KeyImageCapturedEvent;
import org.calibra.viewer.AuthoringEvents.ShapeChangedEvent;
import org.calibra.viewer.AuthoringEvents.ShapeCreatedEvent;
import org.calibra.viewer.AuthoringEvents.ShapeDeletedEvent;
import org.calibra.viewer.AuthoringEvents.ShapeSelectedEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The viewer's authoring API as Java sees it, without a browser: the JSON its properties carry (what
 * frontend/calibra-viewer/internal/shapes.ts reads) and the events as the element fires them (what shapes.ts writes).
 */
class CalibraViewerAuthoringTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A shape event's detail.json exactly as the element writes it (shapeJson in shapes.ts). */
    private static final String ELEMENT_JSON = """
            {"id":"truth-2","label":"nodule","shape":"polygon","imageIndex":5,"firstImage":4,"lastImage":7,"x":20,"y":20,
             "radius":14.14,"width":20,"height":20,"points":[[10,10],[30,10],[30,30],[10,30]],
             "contours":{"7":[[12,12],[28,12],[20,28]]},"probability":null}""";

    private static JsonNode property(CalibraViewer viewer, String name) {
        return JSON.readTree(viewer.getElement().getProperty(name));
    }

    @Test
    void truth_shapes_are_sent_as_the_shape_json_the_viewer_reads() {
        var viewer = new CalibraViewer();
        var polygon = ViewerShape.polygon("L1", "nodule", 5, List.of(new ViewerPoint(10, 10), new ViewerPoint(30, 10),
                new ViewerPoint(30, 30), new ViewerPoint(10, 30))).withImages(4, 6).withContour(7, List.of(new ViewerPoint(12, 12),
                new ViewerPoint(28, 12), new ViewerPoint(20, 28)));
        viewer.setTruthShapes(List.of(ViewerShape.point("L2", "", 0, 5, 6, 3), polygon));

        JsonNode json = property(viewer, "truthShapes");
        assertThat(json.get(0).toString()).isEqualTo("""
                {"id":"L2","label":"","shape":"point","imageIndex":0,"firstImage":0,"lastImage":0,"x":5.0,"y":6.0,"radius":3.0,\
                "width":6.0,"height":6.0,"points":[],"contours":{},"probability":null}""");
        JsonNode p = json.get(1);
        assertThat(p.get("shape").asString()).isEqualTo("polygon");
        assertThat(p.get("points").toString()).isEqualTo("[[10.0,10.0],[30.0,10.0],[30.0,30.0],[10.0,30.0]]");
        assertThat(p.get("contours").get("7").toString()).isEqualTo("[[12.0,12.0],[28.0,12.0],[20.0,28.0]]");
        assertThat(List.of(p.get("x").asDouble(), p.get("y").asDouble(), p.get("width").asDouble())).containsExactly(20.0, 20.0, 20.0);
        assertThat(p.get("radius").asDouble()).isCloseTo(Math.hypot(10, 10), within(1e-9));
        assertThat(List.of(p.get("firstImage").asInt(), p.get("lastImage").asInt())).containsExactly(4, 7);
    }

    @Test
    void ai_shapes_carry_their_probability() {
        var viewer = new CalibraViewer();
        viewer.setAiShapes(List.of(ViewerShape.box("A1", "mass", 2, 40, 30, 12, 8).withProbability(0.85)));
        JsonNode a = property(viewer, "aiShapes").get(0);
        assertThat(a.get("probability").asDouble()).isEqualTo(0.85);
        assertThat(a.get("radius").asDouble()).isCloseTo(Math.hypot(12, 8) / 2, within(1e-9));
    }

    @Test
    void authoring_layer_and_flagged_images_are_plain_properties() {
        var viewer = new CalibraViewer();
        viewer.setAuthoring(AuthoringLayer.TRUTH);
        assertThat(viewer.getElement().getProperty("authoring")).isEqualTo("truth");
        viewer.setAuthoring(AuthoringLayer.AI);
        assertThat(viewer.getElement().getProperty("authoring")).isEqualTo("ai");
        viewer.setAuthoring(null);
        assertThat(viewer.getElement().getProperty("authoring")).isEmpty();
        viewer.setFlaggedImages(Arrays.asList(3, 1, 3, null, -1));
        assertThat(viewer.getElement().getProperty("flaggedImages")).isEqualTo("[1,3]");
        viewer.setTruthShapes(null);
        assertThat(viewer.getElement().getProperty("truthShapes")).isEqualTo("[]");
    }

    @Test
    void shape_events_read_the_json_the_element_writes() {
        var viewer = new CalibraViewer();
        var event = new ShapeCreatedEvent(viewer, true, "truth", ELEMENT_JSON);
        assertThat(event.layer()).isEqualTo(AuthoringLayer.TRUTH);
        ViewerShape s = event.shape();
        assertThat(s.id()).isEqualTo("truth-2");
        assertThat(s.points()).containsExactly(new ViewerPoint(10, 10), new ViewerPoint(30, 10), new ViewerPoint(30, 30), new ViewerPoint(10, 30));
        assertThat(s.contours()).containsOnlyKeys(7);
        assertThat(s.contours().get(7)).hasSize(3);
        assertThat(s.probability()).isNull();
        assertThat(new ShapeChangedEvent(viewer, true, "ai", ELEMENT_JSON.replace("null}", "0.4}")).shape().probability()).isEqualTo(0.4);
        var later = new ShapeDeletedEvent(viewer, true, "?", ELEMENT_JSON.replace("{\"id\"", "{\"colour\":\"green\",\"id\""));
        assertThat(later.layer()).isEqualTo(AuthoringLayer.NONE); // an unknown layer, and a field this Java does not know
        assertThat(later.shape().id()).isEqualTo("truth-2");
    }

    @Test
    void a_shape_written_by_java_reads_back_the_same() {
        var shape = ViewerShape.ellipse("E", "cyst", 1, 10, 12, 8, 4).withImages(0, 2).withProbability(0.5);
        assertThat(JsonText.read(JsonText.write(shape), ViewerShape.class)).isEqualTo(shape);
    }

    @Test
    void listeners_hear_every_authoring_event() {
        var viewer = new CalibraViewer();
        List<String> heard = new ArrayList<>();
        viewer.addShapeCreatedListener(e -> heard.add("created " + e.shape().id()));
        viewer.addShapeChangedListener(e -> heard.add("changed " + e.shape().id()));
        viewer.addShapeDeletedListener(e -> heard.add("deleted " + e.shape().id()));
        viewer.addShapeSelectedListener(e -> heard.add("selected " + e.layer() + " " + e.shapeId()));
        viewer.addKeyImageCapturedListener(e -> heard.add("key image " + e.imageIndex() + " " + e.pngBytes().length));
        ComponentUtil.fireEvent(viewer, new ShapeCreatedEvent(viewer, true, "truth", ELEMENT_JSON));
        ComponentUtil.fireEvent(viewer, new ShapeChangedEvent(viewer, true, "truth", ELEMENT_JSON));
        ComponentUtil.fireEvent(viewer, new ShapeDeletedEvent(viewer, true, "truth", ELEMENT_JSON));
        ComponentUtil.fireEvent(viewer, new ShapeSelectedEvent(viewer, true, "truth", ""));
        String png = "data:image/png;base64," + Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        ComponentUtil.fireEvent(viewer, new KeyImageCapturedEvent(viewer, true, 3, png, 800, 600));
        assertThat(heard).containsExactly("created truth-2", "changed truth-2", "deleted truth-2", "selected TRUTH ", "key image 3 4");
    }

    @Test
    void a_key_image_that_is_no_png_data_url_is_refused() {
        var event = new KeyImageCapturedEvent(new CalibraViewer(), true, 0, "data:image/jpeg;base64,AAAA", 1, 1);
        assertThatThrownBy(event::pngBytes).isInstanceOf(IllegalStateException.class);
    }

    /** The DOM event names and detail fields are the element's (viewer-controller.ts, authoring.ts). */
    @Test
    void events_listen_for_the_names_and_fields_the_element_fires() {
        Map<Class<?>, String> names = Map.of(ShapeCreatedEvent.class, "shape-created", ShapeChangedEvent.class, "shape-changed",
                ShapeDeletedEvent.class, "shape-deleted", ShapeSelectedEvent.class, "shape-selected",
                KeyImageCapturedEvent.class, "key-image-captured");
        names.forEach((type, name) -> assertThat(type.getAnnotation(DomEvent.class).value()).isEqualTo(name));
        assertThat(eventData(ShapeCreatedEvent.class)).containsExactly("event.detail.layer", "event.detail.json");
        assertThat(eventData(ShapeSelectedEvent.class)).containsExactly("event.detail.layer", "event.detail.id");
        assertThat(eventData(KeyImageCapturedEvent.class)).containsExactly("event.detail.imageIndex", "event.detail.png",
                "event.detail.width", "event.detail.height");
    }

    @Test
    void old_truth_lesions_keep_their_json_and_authored_ones_add_their_outline() {
        var viewer = new CalibraViewer();
        var old = new CalibraViewer.ViewerLesion("L1", 2, 10, 12, 5, "nodule", true);
        var shaped = CalibraViewer.ViewerLesion.of(ViewerShape.box("L2", "mass", 3, 20, 20, 8, 6), false);
        viewer.setTruth(List.of(old, shaped));
        JsonNode json = property(viewer, "truth");
        JsonNode first = json.get(0);
        assertThat(List.of(first.get("x").asDouble(), first.get("radius").asDouble(), first.get("firstImage").asDouble()))
                .containsExactly(10.0, 5.0, 2.0);
        assertThat(first.get("detected").asBoolean()).isTrue();
        assertThat(first.get("shape").asString()).isEqualTo("point");
        assertThat(json.get(1).get("shape").asString()).isEqualTo("box");
        assertThat(json.get(1).get("width").asDouble()).isEqualTo(8.0);
        assertThat(json.get(1).get("detected").asBoolean()).isFalse();
    }

    private static List<String> eventData(Class<?> type) {
        Constructor<?> constructor = type.getConstructors()[0];
        return Arrays.stream(constructor.getParameters())
                .filter(p -> p.isAnnotationPresent(EventData.class))
                .map(p -> p.getAnnotation(EventData.class).value()).toList();
    }
}
