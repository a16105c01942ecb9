package org.calibra.curriculum.builder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.calibra.curriculum.content.CurriculumManifest;

/**
 * The reader's field paths in the words of the builder's page: {@code modules[1].casesPerAttempt} →
 * "Module 2 · Cases per attempt", {@code modules[0].thresholds[1].min} → "Module 1 · Threshold 2 · Limit", and the
 * schema's terse messages in plain words. Plain Java.
 */
public final class FieldWords {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("id", "Id (from the title)"), Map.entry("title", "Title"), Map.entry("description", "Description"),
            Map.entry("institution", "Institution"), Map.entry("certificate", "Certificate"), Map.entry("validityMonths", "Validity (months)"),
            Map.entry("competencies", "Competencies"), Map.entry("creditHours", "CPD/CME credit hours"), Map.entry("modules", "Modules"),
            Map.entry("readingMode", "Reading mode"), Map.entry("cases", "Picked cases"), Map.entry("caseTags", "Tag rules"),
            Map.entry("casesPerAttempt", "Cases per attempt"), Map.entry("order", "Order"), Map.entry("prerequisites", "Prerequisites"),
            Map.entry("timeLimitMinutes", "Time limit (minutes)"), Map.entry("retake", "Retake"), Map.entry("cooldownHours", "Cool-down (hours)"),
            Map.entry("minimumCases", "Minimum cases"), Map.entry("minimumAbnormalCases", "Minimum abnormal cases"),
            Map.entry("minimumNormalCases", "Minimum normal cases"), Map.entry("thresholds", "Thresholds"), Map.entry("metric", "Metric"),
            Map.entry("min", "Limit"), Map.entry("max", "Limit"), Map.entry("bound", "Estimate or interval"),
            Map.entry("schemaVersion", "Format version"));

    private static final Pattern PART = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+)])?");

    private FieldWords() {
    }

    /** Where on the page a path is, e.g. "Module 2 (Chest CT) · Cases per attempt"; "The curriculum" for the whole file. */
    public static String where(String path, CurriculumManifest manifest) {
        if (path == null || path.isBlank()) {
            return "The curriculum";
        }
        List<String> words = new ArrayList<>();
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            Matcher m = PART.matcher(parts[i]);
            if (!m.matches()) {
                words.add(parts[i]);
                continue;
            }
            String name = m.group(1);
            Integer index = m.group(2) == null ? null : Integer.valueOf(m.group(2));
            if (index == null) {
                if (i == 0 && (name.equals("title") || name.equals("description") || name.equals("id"))) {
                    words.add("Curriculum " + NAMES.get(name).toLowerCase(java.util.Locale.ROOT));
                } else if (!name.equals("retake") || i == parts.length - 1) {
                    words.add(NAMES.getOrDefault(name, name));
                }
                continue;
            }
            words.add(switch (name) {
                case "modules" -> "Module " + (index + 1) + moduleTitle(manifest, index);
                case "thresholds" -> "Threshold " + (index + 1);
                case "cases" -> "Picked case " + (index + 1);
                case "caseTags" -> "Tag rule " + (index + 1);
                case "prerequisites" -> "Prerequisite " + (index + 1);
                case "competencies" -> "Competency " + (index + 1);
                default -> NAMES.getOrDefault(name, name) + " " + (index + 1);
            });
        }
        return String.join(" · ", words);
    }

    private static String moduleTitle(CurriculumManifest manifest, int index) {
        if (manifest == null || index >= manifest.modules().size()) {
            return "";
        }
        String title = manifest.modules().get(index).title();
        return title == null || title.isBlank() ? "" : " (" + title + ")";
    }

    /** The schema validator's wording made plain; the reader's own messages are words already. */
    public static String message(String message) {
        if (message == null) {
            return "";
        }
        String m = message;
        m = m.replaceAll("^must be at least 1 characters long$", "must not be empty");
        m = m.replaceAll("^does not match the regex pattern \\\\S$", "must not be empty");
        m = m.replaceAll("^must have at least 1 items but found 0$", "needs at least one entry");
        m = m.replaceAll("^must have a minimum value of (\\S+)$", "must be at least $1");
        m = m.replaceAll("^must have a maximum value of (\\S+)$", "must be at most $1");
        m = m.replaceAll("^must have an exclusive minimum value of (\\S+)$", "must be more than $1");
        m = m.replaceAll("^required property '(\\w+)' not found$", "is missing");
        return m;
    }
}
