package org.calibra.curriculum.content;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link CurriculumManifest} as {@code curricula/<id>.yaml} text in the layout docs/curriculum-format.md
 * documents (the fields in its order, absent optional fields left out), so that the file and the builder are two doors
 * to one format: {@link CurriculumReader} reads what this writes back to an equal manifest (CurriculumYamlTest, over
 * every file of curricula/).
 *
 * <p>Texts are double-quoted with JSON escapes (valid YAML); a long one-line text that folding keeps exactly (no
 * line breaks, tabs, runs of spaces or spaces at either end) is written folded ({@code >-}) at about 76 columns, as the
 * hand-written files are.
 */
public final class CurriculumYaml {

    private static final int WIDTH = 76;

    private CurriculumYaml() {
    }

    public static String write(CurriculumManifest m) {
        var out = new StringBuilder();
        out.append("schemaVersion: ").append(m.schemaVersion()).append('\n');
        out.append("id: ").append(m.id()).append('\n');
        text(out, "", "title", m.title());
        text(out, "", "description", m.description());
        if (m.institution() != null) {
            out.append("institution: ").append(m.institution()).append('\n');
        }
        var c = m.certificate();
        if (c != null) {
            out.append("certificate:\n");
            text(out, "  ", "title", c.title());
            out.append("  validityMonths: ").append(c.validityMonths()).append('\n');
            out.append("  competencies:");
            if (c.competencies() == null || c.competencies().isEmpty()) {
                out.append(" []\n");
            } else {
                out.append('\n');
                c.competencies().forEach(x -> out.append("    - ").append(quote(x)).append('\n'));
            }
            if (c.creditHours() != null) {
                out.append("  creditHours: ").append(number(c.creditHours())).append('\n');
            }
        }
        out.append("modules:");
        if (m.modules() == null || m.modules().isEmpty()) {
            out.append(" []\n");
            return out.toString();
        }
        out.append('\n');
        for (var mod : m.modules()) {
            module(out, mod);
        }
        return out.toString();
    }

    private static void module(StringBuilder out, CurriculumManifest.Module mod) {
        String in = "    ";
        out.append("  - id: ").append(mod.id()).append('\n');
        text(out, in, "title", mod.title());
        text(out, in, "description", mod.description());
        out.append(in).append("readingMode: ").append(mod.readingMode()).append('\n');
        if (!mod.cases().isEmpty() || mod.caseTags().isEmpty()) {
            out.append(in).append("cases:");
            if (mod.cases().isEmpty()) {
                out.append(" []\n");
            } else {
                out.append('\n');
                mod.cases().forEach(x -> out.append(in).append("  - ").append(x).append('\n'));
            }
        }
        if (!mod.caseTags().isEmpty()) {
            out.append(in).append("caseTags:\n");
            mod.caseTags().forEach(q -> out.append(in).append("  - [").append(String.join(", ", q)).append("]\n"));
        }
        optional(out, in, "casesPerAttempt", mod.casesPerAttempt());
        if (mod.order() != null) {
            out.append(in).append("order: ").append(mod.order()).append('\n');
        }
        if (!mod.prerequisites().isEmpty()) {
            out.append(in).append("prerequisites: [").append(String.join(", ", mod.prerequisites())).append("]\n");
        }
        optional(out, in, "timeLimitMinutes", mod.timeLimitMinutes());
        if (mod.retake() != null) {
            out.append(in).append("retake:");
            if (mod.retake().cooldownHours() == null) {
                out.append(" {}\n");
            } else {
                out.append('\n').append(in).append("  cooldownHours: ").append(number(mod.retake().cooldownHours())).append('\n');
            }
        }
        out.append(in).append("minimumCases: ").append(mod.minimumCases()).append('\n');
        optional(out, in, "minimumAbnormalCases", mod.minimumAbnormalCases());
        optional(out, in, "minimumNormalCases", mod.minimumNormalCases());
        out.append(in).append("thresholds:");
        if (mod.thresholds() == null || mod.thresholds().isEmpty()) {
            out.append(" []\n");
            adaptive(out, in, mod.adaptive());
            return;
        }
        out.append('\n');
        for (var t : mod.thresholds()) {
            out.append(in).append("  - metric: ").append(t.metric()).append('\n');
            if (t.min() != null) {
                out.append(in).append("    min: ").append(number(t.min())).append('\n');
            }
            if (t.max() != null) {
                out.append(in).append("    max: ").append(number(t.max())).append('\n');
            }
            if (t.bound() != null) {
                out.append(in).append("    bound: ").append(t.bound()).append('\n');
            }
        }
        adaptive(out, in, mod.adaptive());
    }

    private static void adaptive(StringBuilder out, String in, CurriculumManifest.Adaptive a) {
        if (a == null) {
            return;
        }
        out.append(in).append("adaptive:\n");
        String at = in + "  ";
        decimal(out, at, "cut", a.cut());
        decimal(out, at, "delta", a.delta());
        decimal(out, at, "alpha", a.alpha());
        decimal(out, at, "beta", a.beta());
        if (a.stopping() != null) {
            out.append(at).append("stopping: ").append(a.stopping()).append('\n');
        }
        if (a.selection() != null) {
            out.append(at).append("selection: ").append(a.selection()).append('\n');
        }
        optional(out, at, "maximumCases", a.maximumCases());
        out.append(at).append("items:\n");
        a.items().forEach((id, item) -> out.append(at).append("  ").append(id).append(": {a: ").append(number(item.a()))
                .append(", b: ").append(number(item.b())).append("}\n"));
    }

    private static void decimal(StringBuilder out, String in, String key, Double value) {
        if (value != null) {
            out.append(in).append(key).append(": ").append(number(value)).append('\n');
        }
    }

    private static void optional(StringBuilder out, String in, String key, Integer value) {
        if (value != null) {
            out.append(in).append(key).append(": ").append(value).append('\n');
        }
    }

    private static void text(StringBuilder out, String in, String key, String value) {
        out.append(in).append(key).append(':');
        if (value == null) {
            out.append(" \"\"\n");
        } else if (value.length() > WIDTH - in.length() - key.length() && foldable(value)) {
            out.append(" >-\n");
            for (String line : fold(value, WIDTH - in.length() - 2)) {
                out.append(in).append("  ").append(line).append('\n');
            }
        } else {
            out.append(' ').append(quote(value)).append('\n');
        }
    }

    /** Folding turns each line break into one space, and keeps the text only if it has no other whitespace to lose. */
    static boolean foldable(String s) {
        if (s.isEmpty() || s.startsWith(" ") || s.endsWith(" ") || s.contains("  ") || s.startsWith("#")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < 0x20 || ch == 0x7f || ch == '\u0085' || ch == '\u2028' || ch == '\u2029' || ch == '\ufeff') {
                return false;
            }
        }
        return true;
    }

    /** Lines of at most {@code width} characters broken at single spaces (a word longer than that stays whole). */
    static List<String> fold(String s, int width) {
        List<String> lines = new ArrayList<>();
        var line = new StringBuilder();
        for (String word : s.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** A YAML double-quoted scalar: JSON escapes are YAML escapes. */
    static String quote(String s) {
        var out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (ch < 0x20 || ch == 0x7f || ch == '\u0085' || ch == '\u2028' || ch == '\u2029' || ch == '\ufeff') {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** 0.6 as "0.6", 24.0 as "24": the shortest decimal that reads back to the same double. */
    static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
