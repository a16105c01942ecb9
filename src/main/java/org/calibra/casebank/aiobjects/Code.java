package org.calibra.casebank.aiobjects;

import java.util.List;
import org.calibra.dicom.DataSet;
import org.calibra.dicom.Tags;

/** A coded concept (PS3.3 8.8): code value, coding scheme designator and code meaning, e.g. (27925004, SCT, "Nodule"). */
public record Code(String value, String scheme, String meaning) {

    public Code {
        value = value == null ? "" : value;
        scheme = scheme == null ? "" : scheme;
        meaning = meaning == null ? "" : meaning;
    }

    /** Same concept: value and scheme equal (the meaning is only a label). */
    public boolean is(Code other) {
        return other != null && value.equals(other.value) && scheme.equals(other.scheme);
    }

    public boolean is(String value, String scheme) {
        return this.value.equals(value) && this.scheme.equals(scheme);
    }

    /** The first item of a code sequence, or null when the sequence is absent or empty. */
    static Code of(DataSet ds, int sequenceTag) {
        var e = ds == null ? null : ds.get(sequenceTag);
        if (e == null || !e.isSequence() || e.items().isEmpty()) {
            return null;
        }
        DataSet item = e.items().getFirst();
        String value = item.string(Tags.CodeValue);
        if (value == null || value.isBlank()) {
            value = item.string(org.calibra.dicom.Dictionary.tag("LongCodeValue"));
        }
        if (value == null || value.isBlank()) {
            value = item.string(org.calibra.dicom.Dictionary.tag("URNCodeValue"));
        }
        return new Code(trim(value), trim(item.string(Tags.CodingSchemeDesignator)), trim(item.string(Tags.CodeMeaning)));
    }

    /** The code as a sequence item. */
    DataSet item() {
        return new DataSet().putStrings(Tags.CodeValue, value).putStrings(Tags.CodingSchemeDesignator, scheme).putStrings(Tags.CodeMeaning, meaning);
    }

    List<DataSet> sequence() {
        return List.of(item());
    }

    /** The meaning, or "value (scheme)" when a writer left the meaning out. */
    public String words() {
        return meaning.isBlank() ? value + " (" + scheme + ")" : meaning;
    }

    @Override
    public String toString() {
        return "(" + value + ", " + scheme + ", \"" + meaning + "\")";
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
