package org.calibra.casebank.aiobjects;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.calibra.dicom.DataSet;
import org.calibra.dicom.Dictionary;
import org.calibra.dicom.Element;

/** A structured report's content tree (PS3.3 C.17.3): each item with its relationship, value type, concept and children. */
final class SrContent {

    static final int ContentSequence = Dictionary.tag("ContentSequence");
    static final int ConceptNameCodeSequence = Dictionary.tag("ConceptNameCodeSequence");
    static final int ValueType = Dictionary.tag("ValueType");
    static final int RelationshipType = Dictionary.tag("RelationshipType");
    static final int ReferencedContentItemIdentifier = Dictionary.tag("ReferencedContentItemIdentifier");

    /**
     * @param position the item's place as PS3.3 C.17.3.2.5 numbers it ("1" the root, "1.2.1" the first child of its second
     *                 child), which is how by-reference relationships point at items
     */
    record Item(String position, String relationship, String valueType, Code concept, DataSet data, List<Item> children) {

        boolean is(String value, String scheme) {
            return concept != null && concept.is(value, scheme);
        }

        List<Item> children(String valueType) {
            return children.stream().filter(c -> valueType.equals(c.valueType)).toList();
        }

        Item child(String value, String scheme) {
            return children.stream().filter(c -> c.is(value, scheme)).findFirst().orElse(null);
        }

        String text(int tag) {
            String s = data.string(tag);
            return s == null ? null : s.trim();
        }
    }

    private SrContent() {
    }

    static Item tree(DataSet root) {
        return item(root, "1", null);
    }

    private static Item item(DataSet ds, String position, String relationship) {
        List<Item> children = new ArrayList<>();
        Element seq = ds.get(ContentSequence);
        if (seq != null && seq.isSequence()) {
            int k = 1;
            for (DataSet child : seq.items()) {
                children.add(item(child, position + "." + k++, text(child.string(RelationshipType))));
            }
        }
        return new Item(position, relationship, text(ds.string(ValueType)), Code.of(ds, ConceptNameCodeSequence), ds, List.copyOf(children));
    }

    /** Every item by position, for resolving by-reference relationships. */
    static Map<String, Item> index(Item root) {
        Map<String, Item> out = new java.util.HashMap<>();
        collect(root, out);
        return out;
    }

    private static void collect(Item item, Map<String, Item> out) {
        out.put(item.position(), item);
        item.children().forEach(c -> collect(c, out));
    }

    /** The position a by-reference child points at (Referenced Content Item Identifier, e.g. 1\2\1 → "1.2.1"), or null. */
    static String reference(Item child) {
        Element e = child.data().get(ReferencedContentItemIdentifier);
        if (e == null || e.value() == null || e.value().length == 0) {
            return null;
        }
        long[] path = e.longs();
        StringBuilder s = new StringBuilder();
        for (long p : path) {
            s.append(s.isEmpty() ? "" : ".").append(p);
        }
        return s.toString();
    }

    private static String text(String s) {
        return s == null ? "" : s.trim();
    }
}
