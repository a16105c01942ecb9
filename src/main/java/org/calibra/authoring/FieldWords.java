package org.calibra.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.calibra.casebank.content.CaseManifest;

/**
 * A manifest field's path ({@code truth.findings[0].radiusPx}) in the words an educator reads ("Lesion 1 (L1): radius
 * (px)"). Fields this table does not know yet — ones the format gains later — are spelt out from their names.
 * Plain Java.
 */
final class FieldWords {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("id", "Case id"), Map.entry("schemaVersion", "Format version"), Map.entry("title", "Title"),
            Map.entry("modality", "Modality"), Map.entry("bodyPart", "Body part"), Map.entry("difficulty", "Difficulty"),
            Map.entry("tags", "Tags"), Map.entry("clinicalHistory", "Clinical history"), Map.entry("source", "Source"),
            Map.entry("source.description", "Source"), Map.entry("source.licence", "Licence"), Map.entry("images", "Images"),
            Map.entry("labels", "Finding labels"), Map.entry("diagnoses", "Diagnoses"), Map.entry("truth", "Truth"),
            Map.entry("truth.diagnosis", "True diagnosis"), Map.entry("truth.findings", "Lesions"),
            Map.entry("acceptance", "Acceptance"), Map.entry("acceptance.minRadiusMm", "Smallest hit radius (mm)"), Map.entry("ai", "AI"),
            Map.entry("ai.model", "AI model card"), Map.entry("ai.model.name", "AI model name"), Map.entry("ai.model.version", "AI model version"),
            Map.entry("ai.model.intendedUse", "AI intended use"), Map.entry("ai.model.trainingData", "AI training data"),
            Map.entry("ai.model.knownFailureModes", "AI known failure modes"), Map.entry("ai.model.reportedPerformance", "AI reported performance"),
            Map.entry("ai.score", "AI case score"), Map.entry("ai.findings", "AI marks"), Map.entry("ai.heatmaps", "AI heatmaps"), Map.entry("ai.errors", "AI errors on purpose"),
            Map.entry("teachingPoints", "Teaching points"), Map.entry("keyImages", "Key images"), Map.entry("synthetic", "Synthetic recipe"));

    private static final Map<String, String> ITEMS = Map.of("images", "Image entry", "truth.findings", "Lesion", "ai.findings", "AI mark",
            "ai.heatmaps", "AI heatmap", "ai.errors", "AI error", "teachingPoints", "Teaching point", "labels", "Finding label", "diagnoses", "Diagnosis", "tags", "Tag",
            "keyImages", "Key image");

    private static final Map<String, String> LEAVES = Map.ofEntries(Map.entry("x", "x"), Map.entry("y", "y"),
            Map.entry("imageIndex", "image number"), Map.entry("radiusPx", "radius (px)"), Map.entry("label", "label"),
            Map.entry("weight", "weight"), Map.entry("imageRange", "image range"), Map.entry("probability", "probability"),
            Map.entry("file", "file"), Map.entry("frame", "frame"), Map.entry("frames", "frames"), Map.entry("id", "id"),
            Map.entry("dicomweb", "archive series"), Map.entry("sliceContours", "contours on other images"), Map.entry("code", "code"),
            Map.entry("kind", "kind"), Map.entry("lesion", "missed lesion"), Map.entry("mark", "AI mark"), Map.entry("reason", "reason"),
            Map.entry("note", "note for the feedback"), Map.entry("caption", "caption"));

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[]+)|\\[(\\d+)]");

    private FieldWords() {
    }

    static String of(String path) {
        return of(path, null);
    }

    /** With the manifest, a lesion is also named by its id: "Lesion 2 (L2)". */
    static String of(String path, CaseManifest manifest) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        String container = "";
        String words = "";
        Matcher m = SEGMENT.matcher(path);
        while (m.find()) {
            if (m.group(1) != null) {
                String key = container.isEmpty() ? m.group(1) : container + "." + m.group(1);
                if (NAMES.containsKey(key)) {
                    words = NAMES.get(key);
                } else {
                    if (!words.isEmpty()) {
                        parts.add(words);
                    }
                    words = LEAVES.getOrDefault(m.group(1), spelt(m.group(1)));
                }
                container = key;
            } else {
                int i = Integer.parseInt(m.group(2));
                String item = ITEMS.get(container);
                words = (item != null ? item : words + " item") + " " + (i + 1) + lesionId(container, i, manifest);
                parts.add(words);
                words = "";
                container = container + "[]";
            }
        }
        if (!words.isEmpty()) {
            parts.add(words);
        }
        return String.join(": ", parts);
    }

    private static String lesionId(String container, int i, CaseManifest manifest) {
        if (manifest == null || !container.equals("truth.findings") || manifest.truth() == null || i >= manifest.truth().findings().size()) {
            return "";
        }
        return " (" + manifest.truth().findings().get(i).id() + ")";
    }

    /** One item of a list field: "Lesion 2", "AI mark 1", "Teaching point 3"; null when the list has no item name. */
    static String item(String listPath, int index) {
        String item = ITEMS.get(listPath);
        return item == null ? null : item + " " + (index + 1);
    }

    /** A field of an item ("x", "radius (px)"), or a field the table does not know, spelt out. */
    static String leaf(String name) {
        return LEAVES.getOrDefault(name, spelt(name));
    }

    /** "knownFailureModes" → "known failure modes". */
    static String spelt(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
