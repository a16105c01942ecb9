package org.calibra.synthetic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.calibra.shared.content.ContentException;
import org.calibra.shared.content.ContentProblem;
import org.calibra.synthetic.Recipe.AiModel;
import org.calibra.synthetic.Recipe.CtParameters;
import org.calibra.synthetic.Recipe.Density;
import org.calibra.synthetic.Recipe.Kind;
import org.calibra.synthetic.Recipe.Lesion;
import org.calibra.synthetic.Recipe.Nodule;
import org.calibra.synthetic.Recipe.RadiographParameters;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code synthetic} block of a case.yaml into a {@link Recipe}, reporting every broken field by its
 * path (e.g. {@code synthetic.parameters.nodules[1].diameterMm}), and writes a recipe back as YAML in one
 * fixed layout. That layout, without the sha256, is also what the cache key hashes.
 */
public final class RecipeCodec {

    /** The recipe and the sha256 the bundle promises for the generated files (null if absent). */
    public record Parsed(Recipe recipe, String sha256) {}

    private final String file;
    private final List<ContentProblem> problems = new ArrayList<>();

    private RecipeCodec(String file) {
        this.file = file;
    }

    public static Parsed parse(JsonNode synthetic, String caseId, String file) {
        var codec = new RecipeCodec(file);
        Parsed parsed = codec.read(synthetic, caseId);
        if (!codec.problems.isEmpty()) {
            throw new ContentException(codec.problems);
        }
        return parsed;
    }

    private Parsed read(JsonNode s, String caseId) {
        String at = "synthetic";
        if (s == null || !s.isObject()) {
            problem(at, "must be a mapping with generator, generatorVersion, kind, seed, parameters, ai and sha256");
            return null;
        }
        known(s, at, "generator", "generatorVersion", "kind", "seed", "parameters", "ai", "sha256");
        String generator = text(s, at, "generator");
        if (generator != null && !Recipe.GENERATOR.equals(generator)) {
            problem(at + ".generator", "'" + generator + "' is not known; this build has '" + Recipe.GENERATOR + "'");
        }
        Long version = integer(s, at, "generatorVersion", 1, Integer.MAX_VALUE);
        if (version != null && version != Recipe.GENERATOR_VERSION) {
            problem(at + ".generatorVersion", version + " cannot be reproduced by this build, which has generator version "
                    + Recipe.GENERATOR_VERSION + "; regenerate the case with ./calibra synth (docs/synthetic-cases.md)");
        }
        String kindText = text(s, at, "kind");
        Kind kind = null;
        for (Kind k : Kind.values()) {
            if (k.yaml.equals(kindText)) {
                kind = k;
            }
        }
        if (kindText != null && kind == null) {
            problem(at + ".kind", "'" + kindText + "' is not one of chest-ct, chest-radiograph");
        }
        Long seed = integer(s, at, "seed", Long.MIN_VALUE, Long.MAX_VALUE);
        String sha = s.has("sha256") ? text(s, at, "sha256") : null;
        if (sha != null && !sha.matches("[0-9a-f]{64}")) {
            problem(at + ".sha256", "must be 64 lowercase hexadecimal digits");
        }
        Recipe.Parameters parameters = null;
        JsonNode p = object(s, at, "parameters");
        if (p != null && kind == Kind.CHEST_CT) {
            parameters = ct(p, at + ".parameters");
        } else if (p != null && kind == Kind.CHEST_RADIOGRAPH) {
            parameters = radiograph(p, at + ".parameters");
        }
        AiModel ai = null;
        JsonNode a = object(s, at, "ai");
        if (a != null) {
            ai = ai(a, at + ".ai");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Parsed(new Recipe(caseId, kind, seed, parameters, ai), sha);
    }

    private CtParameters ct(JsonNode p, String at) {
        known(p, at, "rows", "columns", "slices", "pixelSpacingMm", "sliceSpacingMm", "noiseHu", "nodules");
        Long rows = integer(p, at, "rows", 256, 1024), cols = integer(p, at, "columns", 256, 1024), slices = integer(p, at, "slices", 60, 400);
        Double ps = number(p, at, "pixelSpacingMm", 0.3, 2.5), ss = number(p, at, "sliceSpacingMm", 0.5, 10), noise = number(p, at, "noiseHu", 0, 100);
        if (rows != null && cols != null && ps != null && Math.min(rows, cols) * ps < 330) {
            problem(at + ".pixelSpacingMm", "the field of view (" + Math.min(rows, cols) + " x " + ps + " mm) must be at least 330 mm to hold the chest");
        }
        List<Nodule> nodules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode list = array(p, at, "nodules");
        for (int i = 0; list != null && i < list.size(); i++) {
            String f = at + ".nodules[" + i + "]";
            JsonNode n = list.get(i);
            if (!n.isObject()) {
                problem(f, "must be a mapping with id, diameterMm, density, x, y, slice");
                continue;
            }
            known(n, f, "id", "diameterMm", "density", "x", "y", "slice");
            String id = findingId(n, f, ids);
            Double d = number(n, f, "diameterMm", 3, 40);
            Density density = density(n, f);
            Double x = number(n, f, "x", 0, cols == null ? 1024 : cols), y = number(n, f, "y", 0, rows == null ? 1024 : rows);
            Long slice = integer(n, f, "slice", 0, slices == null ? 399 : slices - 1);
            if (id != null && d != null && density != null && x != null && y != null && slice != null) {
                nodules.add(new Nodule(id, d, density, x, y, (int) (long) slice));
            }
        }
        if (rows == null || cols == null || slices == null || ps == null || ss == null || noise == null) {
            return null;
        }
        return new CtParameters((int) (long) rows, (int) (long) cols, (int) (long) slices, ps, ss, noise, nodules);
    }

    private RadiographParameters radiograph(JsonNode p, String at) {
        known(p, at, "rows", "columns", "pixelSpacingMm", "noise", "lesions");
        Long rows = integer(p, at, "rows", 256, 2048), cols = integer(p, at, "columns", 256, 2048);
        Double ps = number(p, at, "pixelSpacingMm", 0.1, 2.5), noise = number(p, at, "noise", 0, 0.2);
        if (rows != null && cols != null && ps != null && Math.min(rows, cols) * ps < 340) {
            problem(at + ".pixelSpacingMm", "the field of view (" + Math.min(rows, cols) + " x " + ps + " mm) must be at least 340 mm to hold the chest");
        }
        List<Lesion> lesions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode list = array(p, at, "lesions");
        for (int i = 0; list != null && i < list.size(); i++) {
            String f = at + ".lesions[" + i + "]";
            JsonNode n = list.get(i);
            if (!n.isObject()) {
                problem(f, "must be a mapping with id, diameterMm, contrast, x, y");
                continue;
            }
            known(n, f, "id", "diameterMm", "contrast", "x", "y");
            String id = findingId(n, f, ids);
            Double d = number(n, f, "diameterMm", 3, 80), c = number(n, f, "contrast", 0.005, 1);
            Double x = number(n, f, "x", 0, cols == null ? 2048 : cols), y = number(n, f, "y", 0, rows == null ? 2048 : rows);
            if (id != null && d != null && c != null && x != null && y != null) {
                lesions.add(new Lesion(id, d, c, x, y));
            }
        }
        if (rows == null || cols == null || ps == null || noise == null) {
            return null;
        }
        return new RadiographParameters((int) (long) rows, (int) (long) cols, ps, noise, lesions);
    }

    private AiModel ai(JsonNode a, String at) {
        known(a, at, "sensitivity", "falsePositivesPerCase", "separation", "calibrationSlope", "markPrevalence");
        Double sens = number(a, at, "sensitivity", 0, 1), fp = number(a, at, "falsePositivesPerCase", 0, 10);
        Double sep = number(a, at, "separation", 0, 6), slope = number(a, at, "calibrationSlope", 0.1, 10);
        Double prev = number(a, at, "markPrevalence", 0.01, 0.99);
        if (sens == null || fp == null || sep == null || slope == null || prev == null) {
            return null;
        }
        return new AiModel(sens, fp, sep, slope, prev);
    }

    private String findingId(JsonNode n, String f, Set<String> ids) {
        String id = text(n, f, "id");
        if (id != null && !id.matches("[A-Za-z0-9_-]{1,32}")) {
            problem(f + ".id", "'" + id + "' must be 1-32 letters, digits, '_' or '-'");
            return null;
        }
        if (id != null && !ids.add(id)) {
            problem(f + ".id", "'" + id + "' is used twice");
        }
        return id;
    }

    private Density density(JsonNode n, String f) {
        String d = text(n, f, "density");
        for (Density v : Density.values()) {
            if (v.yaml.equals(d)) {
                return v;
            }
        }
        if (d != null) {
            problem(f + ".density", "'" + d + "' is not one of solid, part-solid, ground-glass");
        }
        return null;
    }

    private void known(JsonNode n, String at, String... names) {
        Set<String> allowed = Set.of(names);
        for (String name : n.propertyNames()) {
            if (!allowed.contains(name)) {
                problem(at + "." + name, "is not a known field here (expected one of " + String.join(", ", names) + ")");
            }
        }
    }

    private JsonNode object(JsonNode n, String at, String name) {
        JsonNode v = n.get(name);
        if (v == null || !v.isObject()) {
            problem(at + "." + name, v == null ? "is required" : "must be a mapping");
            return null;
        }
        return v;
    }

    private JsonNode array(JsonNode n, String at, String name) {
        JsonNode v = n.get(name);
        if (v == null || !v.isArray()) {
            problem(at + "." + name, v == null ? "is required (write [] for none)" : "must be a list");
            return null;
        }
        if (v.size() > 10) {
            problem(at + "." + name, "has " + v.size() + " entries; at most 10");
        }
        return v;
    }

    private String text(JsonNode n, String at, String name) {
        JsonNode v = n.get(name);
        if (v == null || !v.isString()) {
            problem(at + "." + name, v == null ? "is required" : "must be text");
            return null;
        }
        return v.stringValue();
    }

    private Long integer(JsonNode n, String at, String name, long min, long max) {
        JsonNode v = n.get(name);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            problem(at + "." + name, v == null ? "is required" : "must be a whole number, found '" + v.asString() + "'");
            return null;
        }
        long l = v.longValue();
        if (l < min || l > max) {
            problem(at + "." + name, l + " is outside " + min + ".." + max);
            return null;
        }
        return l;
    }

    private Double number(JsonNode n, String at, String name, double min, double max) {
        JsonNode v = n.get(name);
        if (v == null || !v.isNumber()) {
            problem(at + "." + name, v == null ? "is required" : "must be a number, found '" + v.asString() + "'");
            return null;
        }
        double d = v.doubleValue();
        if (!(d >= min && d <= max)) {
            problem(at + "." + name, fmt(d) + " is outside " + fmt(min) + ".." + fmt(max));
            return null;
        }
        return d;
    }

    private void problem(String field, String message) {
        problems.add(new ContentProblem(file, field, message));
    }

    // ---- writing ----

    /** The synthetic block as YAML, indented by {@code indent} spaces; {@code sha256} may be null. */
    public static String yaml(Recipe r, String sha256, int indent) {
        String i1 = " ".repeat(indent), i2 = i1 + "  ", i3 = i2 + "  ", i4 = i3 + "  ";
        var sb = new StringBuilder();
        sb.append(i1).append("generator: ").append(Recipe.GENERATOR).append('\n');
        sb.append(i1).append("generatorVersion: ").append(Recipe.GENERATOR_VERSION).append('\n');
        sb.append(i1).append("kind: ").append(r.kind().yaml).append('\n');
        sb.append(i1).append("seed: ").append(r.seed()).append('\n');
        sb.append(i1).append("parameters:\n");
        if (r.parameters() instanceof CtParameters p) {
            sb.append(i2).append("rows: ").append(p.rows()).append('\n');
            sb.append(i2).append("columns: ").append(p.columns()).append('\n');
            sb.append(i2).append("slices: ").append(p.slices()).append('\n');
            sb.append(i2).append("pixelSpacingMm: ").append(fmt(p.pixelSpacingMm())).append('\n');
            sb.append(i2).append("sliceSpacingMm: ").append(fmt(p.sliceSpacingMm())).append('\n');
            sb.append(i2).append("noiseHu: ").append(fmt(p.noiseHu())).append('\n');
            sb.append(i2).append("nodules:").append(p.nodules().isEmpty() ? " []\n" : "\n");
            for (Nodule n : p.nodules()) {
                sb.append(i3).append("- id: ").append(n.id()).append('\n');
                sb.append(i4).append("diameterMm: ").append(fmt(n.diameterMm())).append('\n');
                sb.append(i4).append("density: ").append(n.density().yaml).append('\n');
                sb.append(i4).append("x: ").append(fmt(n.x())).append('\n');
                sb.append(i4).append("y: ").append(fmt(n.y())).append('\n');
                sb.append(i4).append("slice: ").append(n.slice()).append('\n');
            }
        } else if (r.parameters() instanceof RadiographParameters p) {
            sb.append(i2).append("rows: ").append(p.rows()).append('\n');
            sb.append(i2).append("columns: ").append(p.columns()).append('\n');
            sb.append(i2).append("pixelSpacingMm: ").append(fmt(p.pixelSpacingMm())).append('\n');
            sb.append(i2).append("noise: ").append(fmt(p.noise())).append('\n');
            sb.append(i2).append("lesions:").append(p.lesions().isEmpty() ? " []\n" : "\n");
            for (Lesion l : p.lesions()) {
                sb.append(i3).append("- id: ").append(l.id()).append('\n');
                sb.append(i4).append("diameterMm: ").append(fmt(l.diameterMm())).append('\n');
                sb.append(i4).append("contrast: ").append(fmt(l.contrast())).append('\n');
                sb.append(i4).append("x: ").append(fmt(l.x())).append('\n');
                sb.append(i4).append("y: ").append(fmt(l.y())).append('\n');
            }
        }
        AiModel a = r.ai();
        sb.append(i1).append("ai:\n");
        sb.append(i2).append("sensitivity: ").append(fmt(a.sensitivity())).append('\n');
        sb.append(i2).append("falsePositivesPerCase: ").append(fmt(a.falsePositivesPerCase())).append('\n');
        sb.append(i2).append("separation: ").append(fmt(a.separation())).append('\n');
        sb.append(i2).append("calibrationSlope: ").append(fmt(a.calibrationSlope())).append('\n');
        sb.append(i2).append("markPrevalence: ").append(fmt(a.markPrevalence())).append('\n');
        if (sha256 != null) {
            sb.append(i1).append("sha256: ").append(sha256).append('\n');
        }
        return sb.toString();
    }

    /** Shortest text that reads back as the same double; whole numbers keep a ".0" so YAML keeps them numbers. */
    static String fmt(double v) {
        String s = Double.toString(v);
        return s.contains("E") ? String.format(Locale.ROOT, "%.10f", v).replaceAll("0+$", "0") : s;
    }
}
