package org.calibra.dicom;

import java.util.List;

/**
 * One data element. Exactly one of {@code value} (encoded bytes, always little endian for binary VRs),
 * {@code items} (a sequence, VR SQ) or {@code fragments} (encapsulated pixel data: the basic offset table
 * first, then the compressed fragments, untouched) is set.
 */
public record Element(int tag, String vr, byte[] value, List<DataSet> items, List<byte[]> fragments) {

    public static Element of(int tag, String vr, byte[] value) {
        return new Element(tag, vr, value, null, null);
    }

    public static Element sequence(int tag, List<DataSet> items) {
        return new Element(tag, "SQ", null, List.copyOf(items), null);
    }

    public boolean isSequence() {
        return items != null;
    }

    public boolean isEncapsulated() {
        return fragments != null;
    }

    public boolean isPrivate() {
        return Tags.isPrivate(tag);
    }
}
