package org.calibra.dicom.deid;

/** What the profile does to an attribute (PS3.15 E.1.1), in words for the educator's report. */
public enum Action {
    REMOVE("X", "removed"),
    EMPTY("Z", "emptied"),
    DUMMY("D", "replaced with a dummy value"),
    UID("U", "UID replaced consistently"),
    KEEP("K", "kept");

    private final String code;
    private final String words;

    Action(String code, String words) {
        this.code = code;
        this.words = words;
    }

    public String code() {
        return code;
    }

    public String words() {
        return words;
    }

    /**
     * A table entry's action. Compound entries leave the choice to the IOD; without IOD tables we take the
     * one that keeps the file conformant in every IOD: X/Z → Z, anything with D → D, X/Z/U* → U. C is done as D.
     */
    static Action parse(String code) {
        return switch (code) {
            case "X" -> REMOVE;
            case "Z", "X/Z" -> EMPTY;
            case "D", "C", "X/D", "Z/D", "X/Z/D" -> DUMMY;
            case "U", "X/Z/U*" -> UID;
            case "K" -> KEEP;
            default -> throw new IllegalArgumentException("unknown profile action '" + code + "'");
        };
    }
}
