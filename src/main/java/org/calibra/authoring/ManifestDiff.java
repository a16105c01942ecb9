package org.calibra.authoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.casebank.content.CaseManifests;
import tools.jackson.databind.JsonNode;

/**
 * What changed between two contents of a case, field by field and in words: "Title: 'A' → 'B'", "Lesion L2 added
 * (label 'nodule', image 4)", "Lesion L1 moved: x 120 → 130", "AI mark 2 removed", "Teaching point 3 changed". It
 * compares the manifests as the one format writes them, so fields the format gains later are compared too (named from
 * their field names). Lesions are matched by id; AI marks, images and heatmaps by content, then by position. Plain Java.
 */
final class ManifestDiff {

    private static final int SHORT = 60;
    private static final Set<String> POSITION = Set.of("imageIndex", "x", "y");

    private ManifestDiff() {
    }

    static List<Change> between(CaseManifest before, CaseManifest after) {
        List<Change> out = new ArrayList<>();
        diff("", "", before == null ? null : CaseManifests.tree(before), after == null ? null : CaseManifests.tree(after), out);
        return out;
    }

    static List<Change> between(DraftContent before, DraftContent after) {
        List<Change> out = between(before.manifest(), after.manifest());
        out.addAll(files(before.files(), after.files()));
        return out;
    }

    /** Files added, removed or replaced (same name, other bytes). */
    static List<Change> files(Map<String, String> before, Map<String, String> after) {
        List<Change> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            String a = before.get(name);
            String b = after.get(name);
            if (a == null) {
                out.add(new Change("files/" + name, "File " + name + " added"));
            } else if (b == null) {
                out.add(new Change("files/" + name, "File " + name + " removed"));
            } else if (!a.equals(b)) {
                out.add(new Change("files/" + name, "File " + name + " replaced"));
            }
        }
        return out;
    }

    private static void diff(String path, String words, JsonNode a, JsonNode b, List<Change> out) {
        if (Objects.equals(a, b)) {
            return;
        }
        String label = words.isEmpty() ? FieldWords.of(path) : words;
        if (absent(a)) {
            out.add(new Change(path, label + ": added" + (b.isContainer() ? "" : " (" + value(b) + ")")));
        } else if (absent(b)) {
            out.add(new Change(path, label + ": removed"));
        } else if (a.isObject() && b.isObject()) {
            Set<String> keys = new LinkedHashSet<>(a.propertyNames());
            keys.addAll(b.propertyNames());
            for (String key : keys) {
                String child = path.isEmpty() ? key : path + "." + key;
                diff(child, path.contains("[") ? label + ": " + FieldWords.leaf(key) : "", a.get(key), b.get(key), out);
            }
        } else if (a.isArray() && b.isArray()) {
            if (withIds(a) && withIds(b)) {
                byId(path, a, b, out);
            } else if (containers(a) || containers(b)) {
                byContent(path, a, b, out);
            } else {
                scalars(path, label, a, b, out);
            }
        } else if (a.isString() && b.isString() && (a.asString().length() > SHORT || b.asString().length() > SHORT)) {
            out.add(new Change(path, label + ": changed"));
        } else {
            out.add(new Change(path, label + ": " + value(a) + " → " + value(b)));
        }
    }

    /** Lesions: by id — added, removed, moved (image, x, y), or other fields changed. */
    private static void byId(String path, JsonNode a, JsonNode b, List<Change> out) {
        Map<String, JsonNode> before = byIdMap(a);
        Map<String, JsonNode> after = byIdMap(b);
        String item = itemName(path);
        before.forEach((id, node) -> {
            if (!after.containsKey(id)) {
                out.add(new Change(path + "[" + id + "]", item + " " + id + " removed" + brief(node)));
            }
        });
        for (var e : after.entrySet()) {
            String id = e.getKey();
            JsonNode old = before.get(id);
            String itemPath = path + "[" + id + "]"; // by id, so both sides of a conflict name the same lesion the same way
            if (old == null) {
                out.add(new Change(itemPath, item + " " + id + " added" + brief(e.getValue())));
            } else if (!old.equals(e.getValue())) {
                item(itemPath, item + " " + id, old, e.getValue(), out);
            }
        }
    }

    /** AI marks, image entries, heatmaps: unchanged ones matched by content, the rest paired in order. */
    private static void byContent(String path, JsonNode a, JsonNode b, List<Change> out) {
        List<Integer> restA = new ArrayList<>();
        List<Integer> restB = new ArrayList<>();
        boolean[] used = new boolean[b.size()];
        for (int i = 0; i < a.size(); i++) {
            int match = -1;
            for (int j = 0; j < b.size() && match < 0; j++) {
                if (!used[j] && a.get(i).equals(b.get(j))) {
                    match = j;
                }
            }
            if (match >= 0) {
                used[match] = true;
            } else {
                restA.add(i);
            }
        }
        for (int j = 0; j < b.size(); j++) {
            if (!used[j]) {
                restB.add(j);
            }
        }
        int paired = Math.min(restA.size(), restB.size());
        for (int k = 0; k < paired; k++) {
            int j = restB.get(k);
            item(path + "[" + j + "]", itemWords(path, j), a.get(restA.get(k)), b.get(j), out);
        }
        for (int k = paired; k < restA.size(); k++) {
            int i = restA.get(k);
            out.add(new Change(path + "[" + i + "]", itemWords(path, i) + " removed" + brief(a.get(i))));
        }
        for (int k = paired; k < restB.size(); k++) {
            int j = restB.get(k);
            out.add(new Change(path + "[" + j + "]", itemWords(path, j) + " added" + brief(b.get(j))));
        }
    }

    /** One item that changed: "moved" when only its place changed, otherwise each field. */
    private static void item(String path, String words, JsonNode a, JsonNode b, List<Change> out) {
        if (!a.isObject() || !b.isObject()) {
            diff(path, words, a, b, out);
            return;
        }
        List<String> moves = new ArrayList<>();
        for (String key : List.of("imageIndex", "x", "y")) {
            if (!Objects.equals(a.get(key), b.get(key)) && a.get(key) != null && b.get(key) != null) {
                moves.add(key.equals("imageIndex") ? "image " + (a.get(key).asInt() + 1) + " → " + (b.get(key).asInt() + 1)
                        : key + " " + value(a.get(key)) + " → " + value(b.get(key)));
            }
        }
        if (!moves.isEmpty()) {
            out.add(new Change(path, words + " moved: " + String.join(", ", moves)));
        }
        Set<String> keys = new LinkedHashSet<>(a.propertyNames());
        keys.addAll(b.propertyNames());
        List<String> outline = keys.stream().filter(OUTLINE::contains).filter(k -> !Objects.equals(a.get(k), b.get(k))).toList();
        if (!outline.isEmpty()) {
            out.add(new Change(path + ".outline", words + " outline changed (" + String.join(", ", outline.stream().map(FieldWords::leaf).toList()) + ")"));
        }
        for (String key : keys) {
            boolean positionGone = POSITION.contains(key) && (a.get(key) == null || b.get(key) == null);
            if ((!POSITION.contains(key) || (positionGone && outline.isEmpty())) && !OUTLINE.contains(key)) {
                diff(path + "." + key, words + ": " + FieldWords.leaf(key), a.get(key), b.get(key), out);
            }
        }
    }

    /** A lesion's drawn geometry (ADR 0020): compared as one — a contour of 200 points is one change, not 200. */
    private static final Set<String> OUTLINE = Set.of("radiusPx", "ellipse", "box", "contour", "sliceContours");

    /** Slugs (labels, diagnoses, tags): added and removed; long texts (teaching points): by position. */
    private static void scalars(String path, String label, JsonNode a, JsonNode b, List<Change> out) {
        List<String> before = texts(a);
        List<String> after = texts(b);
        boolean longTexts = before.stream().anyMatch(t -> t.length() > SHORT) || after.stream().anyMatch(t -> t.length() > SHORT);
        if (longTexts) {
            for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
                String words = itemWords(path, i);
                if (i >= before.size()) {
                    out.add(new Change(path + "[" + i + "]", words + " added"));
                } else if (i >= after.size()) {
                    out.add(new Change(path + "[" + i + "]", words + " removed"));
                } else if (!before.get(i).equals(after.get(i))) {
                    out.add(new Change(path + "[" + i + "]", words + " changed"));
                }
            }
            return;
        }
        List<String> added = after.stream().filter(t -> !before.contains(t)).map(t -> "'" + t + "'").toList();
        List<String> removed = before.stream().filter(t -> !after.contains(t)).map(t -> "'" + t + "'").toList();
        List<String> parts = new ArrayList<>();
        if (!added.isEmpty()) {
            parts.add("added " + String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            parts.add("removed " + String.join(", ", removed));
        }
        if (parts.isEmpty()) {
            parts.add("order changed");
        }
        out.add(new Change(path, label + ": " + String.join("; ", parts)));
    }

    private static String itemWords(String path, int index) {
        String item = FieldWords.item(path, index);
        return item != null ? item : FieldWords.of(path) + " " + (index + 1);
    }

    private static String itemName(String path) {
        String item = FieldWords.item(path, 0);
        return item == null ? FieldWords.of(path) : item.substring(0, item.lastIndexOf(' '));
    }

    /** "(label 'nodule', image 4)", "(file a.dcm)". */
    private static String brief(JsonNode node) {
        if (!node.isObject()) {
            return node.isString() && node.asString().length() <= SHORT ? " (" + value(node) + ")" : "";
        }
        List<String> parts = new ArrayList<>();
        if (node.get("label") != null) {
            parts.add("label '" + node.get("label").asString() + "'");
        }
        if (node.get("imageIndex") != null) {
            parts.add("image " + (node.get("imageIndex").asInt() + 1));
        }
        if (node.get("file") != null) {
            parts.add("file " + node.get("file").asString());
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private static Map<String, JsonNode> byIdMap(JsonNode array) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        array.forEach(n -> out.put(n.get("id").asString(), n));
        return out;
    }

    static boolean withIds(JsonNode array) {
        if (array.isEmpty()) {
            return true;
        }
        Set<String> ids = new java.util.HashSet<>();
        for (JsonNode n : array) {
            if (!n.isObject() || n.get("id") == null || !ids.add(n.get("id").asString())) {
                return false;
            }
        }
        return true;
    }

    private static boolean containers(JsonNode array) {
        for (JsonNode n : array) {
            if (n.isContainer()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.isString() ? n.asString() : n.toString()));
        return out;
    }

    private static boolean absent(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode();
    }

    private static String value(JsonNode n) {
        if (n.isString()) {
            String s = n.asString();
            return "'" + (s.length() > SHORT ? s.substring(0, SHORT) + "…" : s) + "'";
        }
        return n.toString();
    }
}
