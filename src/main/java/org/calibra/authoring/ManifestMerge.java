package org.calibra.authoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.calibra.casebank.content.CaseManifests;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Re-applies a refused save on top of the revision that beat it (ADR 0021): a three-way merge of the manifests as the one
 * format writes them. A field only one side changed takes that side's value; lesions are merged one by one by id (added,
 * removed, changed); a field both changed — a text, a list, an AI mark list — takes the re-applied (mine) value and is
 * named in {@code changedByBoth}. Files merge the same way by name. Plain Java.
 */
final class ManifestMerge {

    record Result(DraftContent merged, List<String> changedByBoth) {}

    private ManifestMerge() {
    }

    static Result reapply(DraftContent base, DraftContent mine, DraftContent theirs) {
        List<String> both = new ArrayList<>();
        JsonNode merged = merge("", CaseManifests.tree(base.manifest()), CaseManifests.tree(mine.manifest()),
                CaseManifests.tree(theirs.manifest()), both);
        Map<String, String> files = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>(theirs.files().keySet());
        names.addAll(mine.files().keySet());
        for (String name : names) {
            String b = base.files().get(name);
            String m = mine.files().get(name);
            String t = theirs.files().get(name);
            String r = Objects.equals(m, b) ? t : Objects.equals(t, b) || Objects.equals(m, t) ? m : conflict(both, "File " + name, m);
            if (r != null) {
                files.put(name, r);
            }
        }
        return new Result(new DraftContent(CaseManifests.fromTree(merged), files), both);
    }

    private static <T> T conflict(List<String> both, String words, T mine) {
        both.add(words);
        return mine;
    }

    /** The merged node; null means the field is absent. */
    static JsonNode merge(String path, JsonNode base, JsonNode mine, JsonNode theirs, List<String> both) {
        if (Objects.equals(mine, base)) {
            return theirs;
        }
        if (Objects.equals(theirs, base) || Objects.equals(mine, theirs)) {
            return mine;
        }
        if (mine != null && theirs != null && mine.isObject() && theirs.isObject() && (base == null || base.isObject())) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            Set<String> keys = new LinkedHashSet<>(theirs.propertyNames());
            keys.addAll(mine.propertyNames());
            for (String key : keys) {
                JsonNode r = merge(path.isEmpty() ? key : path + "." + key, base == null ? null : base.get(key), mine.get(key), theirs.get(key), both);
                if (r != null) {
                    out.set(key, r);
                }
            }
            return out;
        }
        if (mine != null && theirs != null && mine.isArray() && theirs.isArray() && (base == null || base.isArray())
                && ManifestDiff.withIds(mine) && ManifestDiff.withIds(theirs) && (base == null || ManifestDiff.withIds(base))
                && !(mine.isEmpty() && theirs.isEmpty())) {
            return byId(path, base, mine, theirs, both);
        }
        return conflict(both, words(path), mine);
    }

    private static final java.util.regex.Pattern BY_ID = java.util.regex.Pattern.compile("^(.*?)\\[([^\\]0-9][^\\]]*)](.*)$");

    /** "truth.findings[L1].x" → "Lesion L1: x". */
    static String words(String path) {
        var m = BY_ID.matcher(path);
        if (!m.matches()) {
            return FieldWords.of(path);
        }
        String item = FieldWords.item(m.group(1), 0);
        String name = (item == null ? FieldWords.of(m.group(1)) : item.substring(0, item.lastIndexOf(' '))) + " " + m.group(2);
        String rest = m.group(3).replaceFirst("^\\.", "");
        return rest.isEmpty() ? name : name + ": " + FieldWords.leaf(rest);
    }

    /** Lesions, one by one: the current order, then the re-applied side's new ones. */
    private static ArrayNode byId(String path, JsonNode base, JsonNode mine, JsonNode theirs, List<String> both) {
        Map<String, JsonNode> b = index(base);
        Map<String, JsonNode> m = index(mine);
        Map<String, JsonNode> t = index(theirs);
        Set<String> ids = new LinkedHashSet<>(t.keySet());
        ids.addAll(m.keySet());
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (String id : ids) {
            JsonNode r = merge(path + "[" + id + "]", b.get(id), m.get(id), t.get(id), both);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    private static Map<String, JsonNode> index(JsonNode array) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (array != null) {
            array.forEach(n -> out.put(n.get("id").asString(), n));
        }
        return out;
    }
}
