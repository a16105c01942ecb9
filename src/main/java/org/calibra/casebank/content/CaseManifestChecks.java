package org.calibra.casebank.content;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.calibra.casebank.content.CaseBundle.StackImage;
import org.calibra.shared.content.ContentProblem;
import org.calibra.shared.geometry.Bounds;
import org.calibra.shared.geometry.Contour;
import org.calibra.shared.geometry.PlaneGeometry;
import org.calibra.shared.geometry.Point;

/** Cross-checks of a schema-valid manifest against itself and its expanded image stack. */
final class CaseManifestChecks {

    private final CaseManifest m;
    private final List<StackImage> stack;
    private final String file;
    private final List<ContentProblem> problems;

    CaseManifestChecks(CaseManifest m, List<StackImage> stack, String file, List<ContentProblem> problems) {
        this.m = m;
        this.stack = stack;
        this.file = file;
        this.problems = problems;
    }

    void run() {
        unique("labels", m.labels());
        unique("diagnoses", m.diagnoses());
        if (!m.diagnoses().contains(CaseManifest.NORMAL)) {
            problem("diagnoses", "must contain 'normal' so a trainee can call the case normal");
        }
        if (!m.diagnoses().contains(m.truth().diagnosis())) {
            problem("truth.diagnosis", "'" + m.truth().diagnosis() + "' is not one of diagnoses " + m.diagnoses());
        }
        boolean normal = CaseManifest.NORMAL.equals(m.truth().diagnosis());
        if (normal && !m.truth().findings().isEmpty()) {
            problem("truth.findings", "must be empty for a normal case (truth.diagnosis is 'normal')");
        }
        if (!normal && m.truth().findings().isEmpty()) {
            problem("truth.findings", "must list at least one finding for an abnormal case (truth.diagnosis is '" + m.truth().diagnosis() + "')");
        }
        checkTruthFindings();
        checkNoAnswerInDicomText();
        for (int i = 0; i < m.ai().findings().size(); i++) {
            var f = m.ai().findings().get(i);
            String at = "ai.findings[" + i + "]";
            label(at, f.label());
            position(at, f.imageIndex(), f.x(), f.y());
        }
        checkHeatmaps();
        checkAiErrors();
        checkKeyImages();
    }

    /** Key images (ADR 0024): each of an image of the stack, under its own file name, which no other part of the case uses. */
    private void checkKeyImages() {
        var keyImages = m.keyImageList();
        Set<String> names = new HashSet<>();
        Set<String> otherFiles = new HashSet<>();
        m.images().forEach(e -> otherFiles.add(e.file()));
        m.ai().heatmaps().forEach(h -> otherFiles.add(h.file()));
        for (int i = 0; i < keyImages.size(); i++) {
            var k = keyImages.get(i);
            String at = "keyImages[" + i + "]";
            String which = "key image " + (i + 1);
            if (k.imageIndex() < 0 || k.imageIndex() >= stack.size()) {
                problem(at + ".imageIndex", which + " shows image " + k.imageIndex() + ", which is out of range: the stack has " + stack.size()
                        + " image(s), numbered from 0");
            }
            if (k.file() != null && !names.add(k.file())) {
                problem(at + ".file", which + " uses the file name '" + k.file() + "' of an earlier key image; give each key image its own file");
            } else if (k.file() != null && otherFiles.contains(k.file())) {
                problem(at + ".file", which + " uses the file name '" + k.file() + "' of an image or heatmap of the case; give it its own file");
            }
            if (blank(k.caption())) {
                problem(at + ".caption", which + " has no caption: describe what it shows (the caption is its text for screen readers too)");
            }
        }
    }

    /** Each labelled AI error names what it is about, and that exists (ADR 0023); one of each thing at most. */
    private void checkAiErrors() {
        var errors = m.ai().errorList();
        Set<String> seen = new HashSet<>();
        Set<String> lesions = new HashSet<>();
        m.truth().findings().forEach(f -> lesions.add(f.id()));
        int marks = m.ai().findings().size();
        for (int i = 0; i < errors.size(); i++) {
            var e = errors.get(i);
            String at = "ai.errors[" + i + "]";
            switch (e.kind() == null ? "" : e.kind()) {
                case CaseManifest.AiError.FALSE_NEGATIVE -> {
                    if (e.lesion() == null) {
                        problem(at + ".lesion", "is missing: a missed lesion names the truth lesion the AI missed, by its id (e.g. L1)");
                    } else if (!lesions.contains(e.lesion())) {
                        problem(at + ".lesion", "'" + e.lesion() + "' is not a truth lesion of this case" + (lesions.isEmpty() ? " (it has none)"
                                : " (its lesions: " + String.join(", ", lesions.stream().sorted().toList()) + ")"));
                    } else if (!seen.add("lesion " + e.lesion())) {
                        problem(at + ".lesion", "lesion " + e.lesion() + " is already labelled as missed");
                    }
                    extra(at, e.mark() != null, "mark", "a missed lesion has no AI mark: leave mark out");
                    extra(at, e.reason() != null, "reason", "only an input outside the intended use gives a reason; say it in note");
                }
                case CaseManifest.AiError.FALSE_POSITIVE -> {
                    if (e.mark() == null) {
                        problem(at + ".mark", "is missing: a false alarm names the AI mark, by its number (1 for the first of ai.findings)");
                    } else if (e.mark() < 1 || e.mark() > marks) {
                        problem(at + ".mark", e.mark() + " is not an AI mark of this case (it has " + marks + ", numbered from 1)");
                    } else if (!seen.add("mark " + e.mark())) {
                        problem(at + ".mark", "AI mark " + e.mark() + " is already labelled as a false alarm");
                    }
                    extra(at, e.lesion() != null, "lesion", "a false alarm points at no lesion: leave lesion out");
                    extra(at, e.reason() != null, "reason", "only an input outside the intended use gives a reason; say it in note");
                }
                case CaseManifest.AiError.OFF_LABEL -> {
                    if (e.reason() == null) {
                        problem(at + ".reason", "is missing: say why the images are outside the model's intended use");
                    }
                    extra(at, e.lesion() != null, "lesion", "an input outside the intended use names no lesion");
                    extra(at, e.mark() != null, "mark", "an input outside the intended use names no AI mark");
                }
                default -> {
                    // the schema names the kinds allowed
                }
            }
        }
    }

    private void extra(String at, boolean present, String field, String message) {
        if (present) {
            problem(at + "." + field, message);
        }
    }

    private void imageRange(String at, CaseManifest.TruthFinding f) {
        if (f.imageRange() == null) {
            return;
        }
        int first = f.firstImage();
        int last = f.lastImage();
        if (first > f.imageIndex() || last < f.imageIndex()) {
            problem(at + ".imageRange", f.imageRange() + " must contain imageIndex " + f.imageIndex() + " (first <= imageIndex <= last)");
        }
        if (last >= stack.size()) {
            problem(at + ".imageRange", "last image " + last + " is out of range: the stack has " + stack.size() + " image(s), numbered from 0");
        }
    }

    private void checkHeatmaps() {
        Set<Integer> images = new HashSet<>();
        for (int i = 0; i < m.ai().heatmaps().size(); i++) {
            var h = m.ai().heatmaps().get(i);
            String at = "ai.heatmaps[" + i + "].imageIndex";
            if (h.imageIndex() >= stack.size()) {
                problem(at, h.imageIndex() + " is out of range: the stack has " + stack.size() + " image(s), numbered from 0");
            }
            if (!images.add(h.imageIndex())) {
                problem(at, "image " + h.imageIndex() + " already has a heatmap; give at most one per image");
            }
        }
    }

    private void checkTruthFindings() {
        Set<String> ids = new HashSet<>();
        double weightSum = 0;
        int weighted = 0;
        for (int i = 0; i < m.truth().findings().size(); i++) {
            var f = m.truth().findings().get(i);
            String at = "truth.findings[" + i + "]";
            if (!ids.add(f.id())) {
                problem(at + ".id", "'" + f.id() + "' is used twice; finding ids must be unique within the case");
            }
            label(at, f.label());
            geometry(at, f);
            imageRange(at, f);
            code(at + ".code", f.code());
            if (f.weight() != null) {
                weighted++;
                weightSum += f.weight();
            }
        }
        if (weighted > 0 && weighted != m.truth().findings().size()) {
            problem("truth.findings", "give a weight to every finding or to none (" + weighted + " of " + m.truth().findings().size() + " have one)");
        } else if (weighted > 0 && Math.abs(weightSum - 1.0) > 1e-6) {
            problem("truth.findings", "weights must sum to 1 per case, they sum to " + round(weightSum));
        }
    }

    // ---- lesion geometry (ADR 0020) --------------------------------------------------------------------------------

    private static final String GEOMETRIES = "x, y and radiusPx (a circle), ellipse, box or contour";

    private void geometry(String at, CaseManifest.TruthFinding f) {
        List<String> kinds = f.geometries();
        if (kinds.isEmpty()) {
            problem(at, "has no geometry: give " + GEOMETRIES);
        } else if (kinds.size() > 1) {
            problem(at, "gives " + String.join(" and ", kinds.stream().map(k -> k.equals(CaseManifest.TruthFinding.CIRCLE)
                    ? "a circle (x, y, radiusPx)" : k).toList()) + "; give exactly one geometry: " + GEOMETRIES);
        }
        if (kinds.contains(CaseManifest.TruthFinding.CIRCLE)) {
            if (f.x() == null || f.y() == null || f.radiusPx() == null) {
                problem(at, "x, y and radiusPx describe a circle and go together; "
                        + (kinds.size() > 1 ? "remove them: the lesion's centre comes from its " + kinds.getLast() : "give all three"));
                imageIndex(at, f.imageIndex());
            } else {
                position(at, f.imageIndex(), f.x(), f.y());
            }
        } else {
            imageIndex(at, f.imageIndex());
        }
        if (f.ellipse() != null) {
            ellipse(at + ".ellipse", f.imageIndex(), f.ellipse());
        }
        if (f.box() != null) {
            box(at + ".box", f.imageIndex(), f.box());
        }
        if (f.contour() != null) {
            contour(at + ".contour", f.imageIndex(), f.contour());
        }
        if (f.sliceContours() != null) {
            sliceContours(at, f);
        }
    }

    private void ellipse(String at, int imageIndex, CaseManifest.Ellipse e) {
        boolean sized = positive(at + ".rx", e.rx(), "a semi-axis in pixels") & positive(at + ".ry", e.ry(), "a semi-axis in pixels");
        if (!Double.isFinite(e.x()) || !Double.isFinite(e.y())) {
            problem(at, "needs a finite centre x, y");
        } else if (sized) {
            inside(at, imageIndex, e.shape().bounds(), "the ellipse");
        }
    }

    private void box(String at, int imageIndex, CaseManifest.Box b) {
        boolean wide = b.x1() > b.x0();
        boolean tall = b.y1() > b.y0();
        if (!wide) {
            problem(at + ".x1", "must be greater than x0 (" + b.x0() + "): the box's width x1 - x0 is " + (b.x1() - b.x0())
                    + " and must be positive; (x0, y0) is the top-left corner, (x1, y1) the bottom-right");
        }
        if (!tall) {
            problem(at + ".y1", "must be greater than y0 (" + b.y0() + "): the box's height y1 - y0 is " + (b.y1() - b.y0())
                    + " and must be positive; (x0, y0) is the top-left corner, (x1, y1) the bottom-right");
        }
        if (wide && tall) {
            inside(at, imageIndex, b.shape().bounds(), "the box");
        }
    }

    private boolean positive(String field, double value, String what) {
        if (!(value > 0) || !Double.isFinite(value)) {
            problem(field, "must be > 0 (" + what + "), is " + value);
            return false;
        }
        return true;
    }

    /** Whether a shape's extent lies within its image; the image index itself is checked (and reported) elsewhere. */
    private void inside(String at, int imageIndex, Bounds b, String what) {
        if (imageIndex < 0 || imageIndex >= stack.size()) {
            return;
        }
        var h = stack.get(imageIndex).file().header();
        if (!b.within(h.columns(), h.rows())) {
            problem(at, what + " reaches x " + round(b.minX()) + " to " + round(b.maxX()) + ", y " + round(b.minY()) + " to " + round(b.maxY())
                    + ": it must lie inside image " + imageIndex + " (x 0 to " + h.columns() + " columns, y 0 to " + h.rows() + " rows)");
        }
    }

    private void contour(String at, int imageIndex, List<CaseManifest.Point> given) {
        var points = Contour.withoutClosingPoint(given.stream().map(p -> new Point(p.x(), p.y())).toList());
        if (points.size() < 3) {
            problem(at, "has " + points.size() + " point(s); a contour needs at least 3 points [x, y]"
                    + (points.size() < given.size() ? " (the repeated first point at the end does not count)" : ""));
            return;
        }
        if (imageIndex >= 0 && imageIndex < stack.size()) {
            var h = stack.get(imageIndex).file().header();
            List<Integer> outside = new java.util.ArrayList<>();
            for (int k = 0; k < points.size(); k++) {
                if (!new Bounds(points.get(k).x(), points.get(k).y(), points.get(k).x(), points.get(k).y()).within(h.columns(), h.rows())) {
                    outside.add(k);
                }
            }
            if (!outside.isEmpty()) {
                int k = outside.getFirst();
                problem(at + "[" + k + "]", point(points.get(k)) + " is outside image " + imageIndex + " (x 0 to " + h.columns() + " columns, y 0 to "
                        + h.rows() + " rows)" + (outside.size() > 1 ? ", and so are " + (outside.size() - 1) + " more point(s) of this contour" : ""));
            }
        }
        int repeated = PlaneGeometry.firstRepeatedPoint(points);
        if (repeated >= 0) {
            int next = (repeated + 1) % points.size();
            problem(at + "[" + next + "]", "repeats the point before it, " + point(points.get(repeated)) + "; remove the repeat");
            return;
        }
        PlaneGeometry.firstCrossing(points).ifPresent(c -> {
            int n = points.size();
            problem(at, "crosses itself: its edge from [" + c.edge() + "] " + point(points.get(c.edge())) + " to [" + (c.edge() + 1) % n + "] "
                    + point(points.get((c.edge() + 1) % n)) + " meets its edge from [" + c.otherEdge() + "] " + point(points.get(c.otherEdge()))
                    + " to [" + (c.otherEdge() + 1) % n + "] " + point(points.get((c.otherEdge() + 1) % n)) + " at about " + point(c.at())
                    + "; a contour must be a simple closed outline, its points in order around the lesion");
        });
    }

    private void sliceContours(String at, CaseManifest.TruthFinding f) {
        if (f.contour() == null) {
            problem(at + ".sliceContours", "needs contour, the lesion's outline on imageIndex " + f.imageIndex()
                    + ": sliceContours only add outlines on other images of imageRange");
        }
        Map<Integer, Integer> seen = new HashMap<>();
        for (int j = 0; j < f.sliceContours().size(); j++) {
            var s = f.sliceContours().get(j);
            String field = at + ".sliceContours[" + j + "]";
            if (s.imageIndex() == f.imageIndex()) {
                problem(field + ".imageIndex", s.imageIndex() + " is the finding's imageIndex, whose outline is contour; give other images of imageRange here");
            } else if (s.imageIndex() < f.firstImage() || s.imageIndex() > f.lastImage()) {
                problem(field + ".imageIndex", s.imageIndex() + " is outside the lesion's images " + f.firstImage() + " to " + f.lastImage()
                        + " (imageRange" + (f.imageRange() == null ? ", which defaults to [imageIndex, imageIndex]" : " " + f.imageRange()) + ")");
            } else if (s.imageIndex() >= stack.size()) {
                problem(field + ".imageIndex", s.imageIndex() + " is out of range: the stack has " + stack.size() + " image(s), numbered from 0");
            }
            Integer before = seen.putIfAbsent(s.imageIndex(), j);
            if (before != null) {
                problem(field + ".imageIndex", "image " + s.imageIndex() + " already has a contour (sliceContours[" + before + "]); give each image at most once");
            }
            contour(field + ".points", s.imageIndex(), s.points());
        }
    }

    private void imageIndex(String at, int imageIndex) {
        if (imageIndex < 0 || imageIndex >= stack.size()) {
            problem(at + ".imageIndex", imageIndex + " is out of range: the stack has " + stack.size() + " image(s), numbered from 0");
        }
    }

    private static String point(Point p) {
        return "(" + round(p.x()) + ", " + round(p.y()) + ")";
    }

    private static String round(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    // ---- codes -------------------------------------------------------------------------------------------------------

    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("[A-Z0-9][A-Z0-9_.-]{0,15}");

    private void code(String at, CaseManifest.Code c) {
        if (c == null) {
            return;
        }
        if (blank(c.scheme())) {
            problem(at + ".scheme", "is missing: give the coding scheme designator, e.g. RADLEX (RadLex), RADELEMENT (RadElement) or SCT (SNOMED CT)");
        } else if (!SCHEME.matcher(c.scheme()).matches()) {
            problem(at + ".scheme", "'" + c.scheme() + "' is not a coding scheme designator: 1 to 16 capital letters, digits, '_', '.' or '-'"
                    + " (as in DICOM), e.g. RADLEX");
        }
        if (blank(c.value())) {
            problem(at + ".value", "is missing: give the code itself, e.g. RID5014 in RadLex");
        } else if (c.value().length() > 64) {
            problem(at + ".value", "is " + c.value().length() + " characters long; a code has at most 64");
        } else if (CaseManifest.Code.RADLEX.equals(c.scheme()) && !c.value().matches("RID\\d+")) {
            problem(at + ".value", "'" + c.value() + "' is not a RadLex id: RID followed by digits, e.g. RID5014");
        } else if (CaseManifest.Code.RADELEMENT.equals(c.scheme()) && !c.value().matches("RDES?\\d+(\\.\\d+)?")) {
            problem(at + ".value", "'" + c.value() + "' is not a RadElement id: RDE (an element) or RDES (a set) followed by digits,"
                    + " a value with a dot, e.g. RDE1301 or RDE1301.1");
        }
        if (blank(c.meaning())) {
            problem(at + ".meaning", "is missing: give the concept's name in words, e.g. 'pulmonary nodule'");
        } else if (c.meaning().length() > 200) {
            problem(at + ".meaning", "is " + c.meaning().length() + " characters long; a code meaning has at most 200");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * The viewer parses every DICOM attribute in the browser, before the read is submitted: free text that names
     * the diagnosis or a lesion label would give the answer away.
     */
    private void checkNoAnswerInDicomText() {
        java.util.Set<String> answers = new java.util.LinkedHashSet<>();
        answers.add(words(m.truth().diagnosis()));
        m.truth().findings().forEach(f -> answers.add(words(f.label())));
        m.truth().findings().stream().filter(f -> f.code() != null && !blank(f.code().meaning())).forEach(f -> answers.add(words(f.code().meaning())));
        stack.stream().map(StackImage::file).distinct().forEach(file -> file.header().descriptions().forEach((attribute, text) -> {
            for (String answer : answers) {
                if (answer.length() >= 4 && words(text).contains(answer)) {
                    problems.add(new ContentProblem(folderOf(file.name()), attribute, "'" + text + "' contains '" + answer
                            + "', which would reveal the truth in the viewer before the read is submitted; remove it from the file"));
                }
            }
        }));
    }

    private String folderOf(String dicomName) {
        return file.substring(0, file.lastIndexOf('/') + 1) + dicomName;
    }

    private static String words(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[-_^]+", " ").trim();
    }

    private void label(String at, String label) {
        if (!m.labels().contains(label)) {
            problem(at + ".label", "'" + label + "' is not one of labels " + m.labels());
        }
    }

    private void position(String at, int imageIndex, double x, double y) {
        if (imageIndex < 0 || imageIndex >= stack.size()) {
            problem(at + ".imageIndex", imageIndex + " is out of range: the stack has " + stack.size() + " image(s), numbered from 0");
            return;
        }
        var h = stack.get(imageIndex).file().header();
        if (x < 0 || x > h.columns()) {
            problem(at + ".x", x + " is outside the image (0 to " + h.columns() + " columns)");
        }
        if (y < 0 || y > h.rows()) {
            problem(at + ".y", y + " is outside the image (0 to " + h.rows() + " rows)");
        }
    }

    private void unique(String field, List<String> values) {
        Set<String> seen = new HashSet<>();
        for (String v : values) {
            if (!seen.add(v)) {
                problem(field, "'" + v + "' appears twice");
            }
        }
    }

    private void problem(String field, String message) {
        problems.add(new ContentProblem(file, field, message));
    }
}
