package org.calibra.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.calibra.synthetic.Recipe;
import org.calibra.synthetic.Recipe.AiModel;
import org.calibra.synthetic.Recipe.Density;
import org.calibra.synthetic.Recipe.Kind;
import org.calibra.synthetic.RecipeBuilder;

/**
 * The "New case from the synthetic generator" form as the educator typed it — every value text, so that a letter typed
 * into a number field is named rather than silently dropped — and its checks: each field's allowed range, in words, and
 * every problem at once. {@link #check()} gives the generator's choice, or the problems. Plain Java, no Spring or Vaadin.
 *
 * @param kind        "ct" or "radiograph"
 * @param lesions     how many lesions, 0 for a normal case
 * @param sizes       diameters in mm separated by commas: one for every lesion, or one for all of them
 * @param density     CT only: "solid", "part-solid" or "ground-glass"
 * @param contrast    radiograph only: extra attenuation at the lesion centre, in percent
 * @param noise       CT: standard deviation in HU; radiograph: percent of the signal range
 * @param sensitivity the simulated AI's chance of marking each lesion, in percent
 * @param falseMarks  the simulated AI's false marks per case, on average
 * @param calibration the simulated AI's calibration slope: 1 calibrated, below 1 over-confident, above 1 under-confident
 */
public record SyntheticCaseForm(String kind, String lesions, String sizes, String density, String contrast, String noise,
                                String sensitivity, String falseMarks, String calibration) {

    /** A field, its label on the page, and what it accepts — the wording the page's help text and the errors share. */
    public enum Field {
        KIND("Kind of image", "a chest CT or a chest radiograph"),
        LESIONS("Number of lesions", "a whole number from 0 (a normal case) to 3"),
        SIZES("Lesion sizes (mm)", "CT 4 to 30 mm, radiograph 6 to 40 mm; one size for every lesion, or one for all, separated by commas"),
        DENSITY("Nodule density (CT)", "solid, part-solid or ground-glass"),
        CONTRAST("Lesion contrast (%, radiograph)", "a number from 1 to 15"),
        NOISE("Image noise", "CT 0 to 60 HU, radiograph 0 to 5 % of the signal range"),
        SENSITIVITY("AI sensitivity (%)", "a number from 0 to 100"),
        FALSE_MARKS("AI false marks per case", "a number from 0 to 3"),
        CALIBRATION("AI calibration slope", "a number from 0.3 to 3 (1 calibrated, below 1 over-confident, above 1 under-confident)");

        public final String label;
        public final String expected;

        Field(String label, String expected) {
            this.label = label;
            this.expected = expected;
        }
    }

    /** One thing wrong with the form: the field, what was typed, and what is expected, in words. */
    public record Problem(Field field, String message) {
        @Override
        public String toString() {
            return field.label + ": " + message;
        }
    }

    /** The form checked: the generator's choice when every field is fine, otherwise every problem. */
    public record Checked(RecipeBuilder.Choice choice, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** The form as it first shows: a CT with one 10 mm solid nodule and the standard simulated AI. */
    public static SyntheticCaseForm defaults() {
        AiModel ai = AiModel.standard();
        return new SyntheticCaseForm("ct", "1", "10", "solid", "5", "18", num(ai.sensitivity() * 100), num(ai.falsePositivesPerCase()),
                num(ai.calibrationSlope()));
    }

    /** The default noise of a kind, to fill the field when the educator switches kind. */
    public static String defaultNoise(String kind) {
        return "radiograph".equals(kind) ? num(Recipe.RadiographParameters.standard(List.of()).noise() * 100)
                : num(Recipe.CtParameters.standard(List.of()).noiseHu());
    }

    public Checked check() {
        List<Problem> problems = new ArrayList<>();
        Kind k = switch (kind == null ? "" : kind.trim()) {
            case "ct" -> Kind.CHEST_CT;
            case "radiograph" -> Kind.CHEST_RADIOGRAPH;
            default -> {
                problems.add(new Problem(Field.KIND, blank(kind) ? "is empty; choose " + Field.KIND.expected
                        : "'" + kind + "' is not one of the choices; choose " + Field.KIND.expected));
                yield null;
            }
        };
        boolean ct = k != Kind.CHEST_RADIOGRAPH;
        Double count = number(Field.LESIONS, lesions, 0, 3, true, problems);
        List<Double> diameters = new ArrayList<>();
        if (count != null && count > 0) {
            diameters = sizes(count.intValue(), ct ? 4 : 6, ct ? 30 : 40, problems);
        }
        Density d = Density.SOLID;
        double c = 0.05;
        if (k == Kind.CHEST_CT && (count == null || count > 0)) {
            d = density(problems);
        } else if (k == Kind.CHEST_RADIOGRAPH && count != null && count > 0) {
            Double percent = number(Field.CONTRAST, contrast, 1, 15, false, problems);
            c = percent == null ? c : Math.round(percent * 10) / 1000.0;
        }
        Double n = number(Field.NOISE, noise, 0, ct ? 60 : 5, false, problems);
        Double sens = number(Field.SENSITIVITY, sensitivity, 0, 100, false, problems);
        Double fp = number(Field.FALSE_MARKS, falseMarks, 0, 3, false, problems);
        Double slope = number(Field.CALIBRATION, calibration, 0.3, 3, false, problems);
        if (!problems.isEmpty() || k == null) {
            return new Checked(null, List.copyOf(problems));
        }
        var standard = AiModel.standard();
        var ai = new AiModel(sens / 100, fp, standard.separation(), slope, standard.markPrevalence());
        double noiseValue = k == Kind.CHEST_CT ? n : n / 100;
        return new Checked(new RecipeBuilder.Choice(k, diameters, d, c, noiseValue, ai), List.of());
    }

    private List<Double> sizes(int count, double min, double max, List<Problem> problems) {
        if (blank(sizes)) {
            problems.add(new Problem(Field.SIZES, "is empty; write " + (count == 1 ? "the lesion's diameter" : "a diameter for every lesion, or one for all")
                    + " (" + range(min, max) + " mm)"));
            return List.of();
        }
        String[] parts = sizes.split("[,;]");
        if (parts.length != 1 && parts.length != count) {
            problems.add(new Problem(Field.SIZES, "'" + sizes.trim() + "' has " + parts.length + " sizes for " + count
                    + " lesions; write one for every lesion, or one for all"));
            return List.of();
        }
        List<Double> out = new ArrayList<>();
        for (String part : parts) {
            Double v = parse(Field.SIZES, part, min, max, false, problems, " mm");
            if (v == null) {
                return List.of();
            }
            out.add(Math.round(v * 2) / 2.0); // half millimetres, as the library planner writes them
        }
        while (out.size() < count) {
            out.add(out.getFirst());
        }
        return out;
    }

    private Density density(List<Problem> problems) {
        String v = density == null ? "" : density.trim();
        for (Density d : Density.values()) {
            if (d.yaml.equals(v)) {
                return d;
            }
        }
        problems.add(new Problem(Field.DENSITY, v.isEmpty() ? "is empty; choose " + Field.DENSITY.expected
                : "'" + v + "' is not one of the choices; choose " + Field.DENSITY.expected));
        return null;
    }

    private static Double number(Field f, String text, double min, double max, boolean whole, List<Problem> problems) {
        return parse(f, text, min, max, whole, problems, "");
    }

    private static Double parse(Field f, String text, double min, double max, boolean whole, List<Problem> problems, String unit) {
        String what = (whole ? "a whole number" : "a number") + " from " + range(min, max) + unit;
        if (blank(text)) {
            problems.add(new Problem(f, "is empty; write " + what));
            return null;
        }
        String t = text.trim().replace(',', '.');
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            problems.add(new Problem(f, "'" + text.trim() + "' is not a number; write " + what));
            return null;
        }
        if (!Double.isFinite(v) || t.matches(".*[a-zA-Z].*")) { // Java also reads "1e3", "NaN" and "2d": not what a person types
            problems.add(new Problem(f, "'" + text.trim() + "' is not a number; write " + what));
            return null;
        }
        if (whole && v != Math.rint(v)) {
            problems.add(new Problem(f, "'" + text.trim() + "' is not a whole number; write " + what));
            return null;
        }
        if (v < min || v > max) {
            problems.add(new Problem(f, "'" + text.trim() + "' is outside the allowed range; write " + what));
            return null;
        }
        return v;
    }

    private static String range(double min, double max) {
        return num(min) + " to " + num(max);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String num(double v) {
        double r = Math.round(v * 1000) / 1000.0;
        return r == Math.rint(r) ? Long.toString((long) r) : String.format(Locale.ROOT, "%s", r);
    }
}
