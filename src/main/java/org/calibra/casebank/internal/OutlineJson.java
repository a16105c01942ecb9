package org.calibra.casebank.internal;

import java.util.ArrayList;
import java.util.List;
import org.calibra.shared.geometry.Box;
import org.calibra.shared.geometry.Circle;
import org.calibra.shared.geometry.Contour;
import org.calibra.shared.geometry.Ellipse;
import org.calibra.shared.geometry.Point;
import org.calibra.shared.geometry.Shape;
import org.calibra.shared.geometry.SliceShape;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A lesion's drawn shapes as stored in {@code truth_finding.outline}, in case.yaml's words: a list of
 * {@code {"imageIndex": 35, "ellipse": {"x", "y", "rx", "ry", "rotationDeg"}}}, {@code {"imageIndex", "box": {"x0", "y0",
 * "x1", "y1"}}}, {@code {"imageIndex", "contour": [[x, y], …]}} or {@code {"imageIndex", "circle": {"x", "y", "radius"}}}.
 * Doubles are written in their shortest exact form, so what is read back is what was stored.
 */
public final class OutlineJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OutlineJson() {
    }

    public static String write(List<SliceShape> outline) {
        ArrayNode list = JSON.createArrayNode();
        for (SliceShape s : outline) {
            ObjectNode entry = list.addObject();
            entry.put("imageIndex", s.imageIndex());
            switch (s.shape()) {
                case Circle c -> entry.putObject("circle").put("x", c.x()).put("y", c.y()).put("radius", c.radius());
                case Ellipse e -> entry.putObject("ellipse").put("x", e.x()).put("y", e.y()).put("rx", e.rx()).put("ry", e.ry())
                        .put("rotationDeg", e.rotationDeg());
                case Box b -> entry.putObject("box").put("x0", b.x0()).put("y0", b.y0()).put("x1", b.x1()).put("y1", b.y1());
                case Contour c -> {
                    ArrayNode points = entry.putArray("contour");
                    c.points().forEach(p -> points.addArray().add(p.x()).add(p.y()));
                }
            }
        }
        return JSON.writeValueAsString(list);
    }

    public static List<SliceShape> read(String json) {
        List<SliceShape> outline = new ArrayList<>();
        for (JsonNode entry : JSON.readTree(json)) {
            outline.add(new SliceShape(entry.get("imageIndex").asInt(), shape(entry)));
        }
        return List.copyOf(outline);
    }

    private static Shape shape(JsonNode entry) {
        if (entry.has("circle")) {
            JsonNode c = entry.get("circle");
            return new Circle(c.get("x").asDouble(), c.get("y").asDouble(), c.get("radius").asDouble());
        }
        if (entry.has("ellipse")) {
            JsonNode e = entry.get("ellipse");
            return new Ellipse(e.get("x").asDouble(), e.get("y").asDouble(), e.get("rx").asDouble(), e.get("ry").asDouble(),
                    e.get("rotationDeg").asDouble());
        }
        if (entry.has("box")) {
            JsonNode b = entry.get("box");
            return new Box(b.get("x0").asDouble(), b.get("y0").asDouble(), b.get("x1").asDouble(), b.get("y1").asDouble());
        }
        List<Point> points = new ArrayList<>();
        entry.get("contour").forEach(p -> points.add(new Point(p.get(0).asDouble(), p.get(1).asDouble())));
        return new Contour(points);
    }
}
