package org.calibra.casebank.content;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.calibra.shared.geometry.Circle;
import org.calibra.shared.geometry.Contour;
import org.calibra.shared.geometry.Shape;
import org.calibra.shared.geometry.SliceShape;

/** {@code cases/<id>/case.yaml}, as documented in docs/content-format.md and case.schema.json. */
public record CaseManifest(
        int schemaVersion,
        String id,
        String title,
        String modality,
        String bodyPart,
        int difficulty,
        List<String> tags,
        String clinicalHistory,
        Source source,
        List<ImageEntry> images,
        List<String> labels,
        List<String> diagnoses,
        Truth truth,
        Acceptance acceptance,
        Ai ai,
        List<String> teachingPoints,
        List<KeyImage> keyImages) {

    public static final String NORMAL = "normal";
    /** Carried by every generated case and only by those (the loader checks it); views show it as a badge. */
    public static final String SYNTHETIC_TAG = "synthetic";

    public CaseManifest {
        tags = tags == null ? List.of() : List.copyOf(tags);
        keyImages = keyImages == null || keyImages.isEmpty() ? null : List.copyOf(keyImages); // absent stays absent when written back
    }

    /** The format before key images. */
    public CaseManifest(int schemaVersion, String id, String title, String modality, String bodyPart, int difficulty, List<String> tags,
                        String clinicalHistory, Source source, List<ImageEntry> images, List<String> labels, List<String> diagnoses,
                        Truth truth, Acceptance acceptance, Ai ai, List<String> teachingPoints) {
        this(schemaVersion, id, title, modality, bodyPart, difficulty, tags, clinicalHistory, source, images, labels, diagnoses, truth,
                acceptance, ai, teachingPoints, null);
    }

    /** The key images; empty when there are none. */
    public List<KeyImage> keyImageList() {
        return keyImages == null ? List.of() : keyImages;
    }

    /**
     * A key image of the teaching content (ADR 0024): a PNG of the bundle ({@code file}) showing image {@code imageIndex} of the
     * stack as an educator captured it, with a caption (its alt text). It shows the answer: only after the read is submitted.
     */
    public record KeyImage(String file, int imageIndex, String caption) {}

    public record Source(String description, String licence) {}

    /**
     * One stack entry, or (with {@code frames: all}) every frame of a multi-frame file; or, with {@code dicomweb}, every
     * frame of every instance of a series kept in an external DICOMweb archive, in stack order (ADR 0013).
     */
    public record ImageEntry(String file, Integer frame, String frames, DicomWebSeries dicomweb) {
        public ImageEntry(String file, Integer frame, String frames) {
            this(file, frame, frames, null);
        }

        public boolean allFrames() {
            return "all".equals(frames);
        }
    }

    /** A series in an external archive: its DICOMweb service root (no credentials) and UIDs. */
    public record DicomWebSeries(String url, String studyUid, String seriesUid) {}

    public record Truth(String diagnosis, List<TruthFinding> findings) {
        public Truth {
            findings = findings == null ? List.of() : List.copyOf(findings);
        }
    }

    /**
     * A ground-truth lesion. {@code imageRange}: first and last image the lesion shows on; null means just
     * {@code imageIndex}. Its geometry is exactly one of (ADR 0020):
     * <ul>
     *   <li>a <b>circle</b>: {@code x}, {@code y} (centre) and {@code radiusPx} — the original format;</li>
     *   <li>an {@link Ellipse}, a {@link Box}, or a {@code contour} (a closed polygon of at least 3 points that does not
     *       cross itself) on {@code imageIndex}, with optional {@code sliceContours} on other images of
     *       {@code imageRange}; {@code x}, {@code y} and {@code radiusPx} are then absent (null).</li>
     * </ul>
     * A circle, ellipse or box is the same on every image of the range; a contour's images without a drawn contour use the
     * nearest drawn one. {@code code}: an optional coded concept (RadLex, RadElement, …) beside the case's {@code label}.
     * {@link CaseManifestChecks} checks all of it; {@link #outline()}, {@link #centreX()}, {@link #centreY()} and
     * {@link #equivalentRadiusPx()} are only meaningful for a checked finding.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TruthFinding(String id, String label, int imageIndex, Double x, Double y, Double radiusPx, Double weight,
                               List<Integer> imageRange, Ellipse ellipse, Box box, List<Point> contour,
                               List<SliceContour> sliceContours, Code code) {

        public static final String CIRCLE = "circle";
        public static final String ELLIPSE = "ellipse";
        public static final String BOX = "box";
        public static final String CONTOUR = "contour";

        public TruthFinding {
            contour = contour == null ? null : List.copyOf(contour);
            sliceContours = sliceContours == null ? null : List.copyOf(sliceContours);
        }

        /** A circle: the format before lesion geometry, unchanged. */
        public TruthFinding(String id, String label, int imageIndex, double x, double y, double radiusPx, Double weight,
                            List<Integer> imageRange) {
            this(id, label, imageIndex, x, y, radiusPx, weight, imageRange, null, null, null, null, null);
        }

        public int firstImage() {
            return imageRange == null || imageRange.size() != 2 ? imageIndex : imageRange.get(0);
        }

        public int lastImage() {
            return imageRange == null || imageRange.size() != 2 ? imageIndex : imageRange.get(1);
        }

        /** The kinds of geometry given, in the order circle, ellipse, box, contour: exactly one in a valid finding. */
        public List<String> geometries() {
            var kinds = new java.util.ArrayList<String>();
            if (x != null || y != null || radiusPx != null) {
                kinds.add(CIRCLE);
            }
            if (ellipse != null) {
                kinds.add(ELLIPSE);
            }
            if (box != null) {
                kinds.add(BOX);
            }
            if (contour != null) {
                kinds.add(CONTOUR);
            }
            return List.copyOf(kinds);
        }

        /** "circle", "ellipse", "box" or "contour". */
        public String geometry() {
            var kinds = geometries();
            if (kinds.size() != 1) {
                throw new IllegalStateException("finding " + id + " has " + (kinds.isEmpty() ? "no geometry" : "geometries " + kinds));
            }
            return kinds.getFirst();
        }

        /** The shape on every image it was drawn on: {@code imageIndex} first, then the slice contours. */
        public List<SliceShape> outline() {
            var shapes = new java.util.ArrayList<SliceShape>();
            shapes.add(new SliceShape(imageIndex, switch (geometry()) {
                case CIRCLE -> new Circle(x, y, radiusPx);
                case ELLIPSE -> ellipse.shape();
                case BOX -> box.shape();
                default -> new Contour(Point.shapePoints(contour));
            }));
            if (sliceContours != null) {
                sliceContours.forEach(s -> shapes.add(new SliceShape(s.imageIndex(), new Contour(Point.shapePoints(s.points())))));
            }
            return List.copyOf(shapes);
        }

        private Shape keyShape() {
            return outline().getFirst().shape();
        }

        /** The centre: x of a circle, else the centroid of the shape on {@code imageIndex}. */
        public double centreX() {
            return x != null && CIRCLE.equals(geometry()) ? x : keyShape().centroid().x();
        }

        public double centreY() {
            return y != null && CIRCLE.equals(geometry()) ? y : keyShape().centroid().y();
        }

        /** radiusPx of a circle, else the radius of the circle with the area of the shape on {@code imageIndex}. */
        public double equivalentRadiusPx() {
            return radiusPx != null && CIRCLE.equals(geometry()) ? radiusPx : keyShape().equivalentRadius();
        }
    }

    /**
     * An ellipse in image pixels: centre (x, y), semi-axes rx (along the rotated x axis) and ry, and rotationDeg, degrees
     * from the image's x axis towards its y axis (clockwise as shown); absent means 0, axis-aligned.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Ellipse(double x, double y, double rx, double ry, Double rotationDeg) {
        public org.calibra.shared.geometry.Ellipse shape() {
            return new org.calibra.shared.geometry.Ellipse(x, y, rx, ry, rotationDeg == null ? 0 : rotationDeg);
        }
    }

    /** An axis-aligned box in image pixels from its top-left corner (x0, y0) to its bottom-right corner (x1, y1). */
    public record Box(double x0, double y0, double x1, double y1) {
        public org.calibra.shared.geometry.Box shape() {
            return new org.calibra.shared.geometry.Box(x0, y0, x1, y1);
        }
    }

    /** A point of a contour, written {@code [x, y]} in image pixels. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"x", "y"})
    public record Point(double x, double y) {
        static List<org.calibra.shared.geometry.Point> shapePoints(List<Point> points) {
            return points.stream().map(p -> new org.calibra.shared.geometry.Point(p.x(), p.y())).toList();
        }
    }

    /** The lesion's contour on another image of its imageRange. */
    public record SliceContour(int imageIndex, List<Point> points) {
        public SliceContour {
            points = points == null ? null : List.copyOf(points);
        }
    }

    /**
     * A coded concept for the finding, as in a DICOM code sequence: {@code scheme} the coding scheme designator
     * ({@code RADLEX}, {@code RADELEMENT}, {@code SCT}, …), {@code value} the code ({@code RID5014}), {@code meaning}
     * its words.
     */
    public record Code(String scheme, String value, String meaning) {
        public static final String RADLEX = "RADLEX";
        public static final String RADELEMENT = "RADELEMENT";
    }

    public record Acceptance(Double minRadiusMm) {}

    /**
     * The AI's output for the case. {@code errors}: the AI's mistakes the educator put there on purpose (ADR 0023); null
     * when the case labels none, so manifests without the field are written back without it.
     */
    public record Ai(ModelCard model, double score, List<AiFinding> findings, List<Heatmap> heatmaps, List<AiError> errors) {
        public Ai {
            findings = findings == null ? List.of() : List.copyOf(findings);
            heatmaps = heatmaps == null ? List.of() : List.copyOf(heatmaps);
            errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
        }

        /** The format before labelled AI errors. */
        public Ai(ModelCard model, double score, List<AiFinding> findings, List<Heatmap> heatmaps) {
            this(model, score, findings, heatmaps, null);
        }

        /** The labelled errors; empty when there are none. */
        public List<AiError> errorList() {
            return errors == null ? List.of() : errors;
        }
    }

    /**
     * A deliberate AI error (ADR 0023). {@code kind}: {@link #FALSE_NEGATIVE} names the truth lesion the AI missed
     * ({@code lesion}, its id); {@link #FALSE_POSITIVE} names the AI mark that points at nothing ({@code mark}, its number in
     * {@code ai.findings}, from 1); {@link #OFF_LABEL} says why the input is outside the model's intended use
     * ({@code reason}). {@code note}: optional words for the feedback.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AiError(String kind, String lesion, Integer mark, String reason, String note) {
        public static final String FALSE_NEGATIVE = "false-negative";
        public static final String FALSE_POSITIVE = "false-positive";
        public static final String OFF_LABEL = "off-label";
        public static final List<String> KINDS = List.of(FALSE_NEGATIVE, FALSE_POSITIVE, OFF_LABEL);

        /** The tag a case with this error carries for curricula's tag pools, as bundled cases are tagged by hand. */
        public String tag() {
            return switch (kind == null ? "" : kind) {
                case FALSE_NEGATIVE -> "ai-false-negative";
                case FALSE_POSITIVE -> "ai-false-positive";
                case OFF_LABEL -> "intended-use";
                default -> null;
            };
        }
    }

    /**
     * The tags curricula pool by: {@code tags} as written, plus the tag each labelled AI error implies
     * ({@code ai-false-negative}, {@code ai-false-positive}, {@code intended-use}), so a case labelled in the editor joins
     * the same pools as one tagged by hand (ADR 0023).
     */
    public List<String> poolTags() {
        var out = new java.util.LinkedHashSet<>(tags);
        if (ai != null) {
            ai.errorList().stream().map(AiError::tag).filter(java.util.Objects::nonNull).forEach(out::add);
        }
        return List.copyOf(out);
    }

    /** An 8-bit grayscale PNG stretched over image {@code imageIndex}. */
    public record Heatmap(int imageIndex, String file) {}

    public record ModelCard(String name, String version, String intendedUse, String trainingData,
                            String knownFailureModes, String reportedPerformance) {}

    public record AiFinding(String label, int imageIndex, double x, double y, double probability) {}
}
