package org.calibra.authoring;

import org.calibra.casebank.content.CaseManifest;
import org.calibra.casebank.content.CaseManifests;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Changes one field of a manifest, by its path in the one format ({@code title}, {@code source.licence},
 * {@code truth.diagnosis}, {@code truth.findings}), and leaves every other field as it was — also fields the format gains
 * later, which a form that rebuilt the record would drop. What the draft form and the coming geometry editor edit with.
 */
public final class ManifestEdit {

    private ManifestEdit() {
    }

    /** The manifest with {@code path} set to {@code value} (a string, number, list, record or tree); null removes the field. */
    public static CaseManifest with(CaseManifest m, String path, Object value) {
        ObjectNode tree = CaseManifests.tree(m);
        String[] parts = path.split("\\.");
        ObjectNode parent = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = parent.get(parts[i]);
            if (child == null || !child.isObject()) {
                child = parent.putObject(parts[i]);
            }
            parent = (ObjectNode) child;
        }
        String last = parts[parts.length - 1];
        if (value == null) {
            parent.remove(last);
        } else {
            parent.set(last, value instanceof JsonNode node ? node : CaseManifests.treeOf(value));
        }
        return CaseManifests.fromTree(tree);
    }
}
