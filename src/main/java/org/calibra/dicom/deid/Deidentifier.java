package org.calibra.dicom.deid;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.calibra.dicom.DataSet;
import org.calibra.dicom.Element;
import org.calibra.dicom.Tags;

/**
 * Applies the Basic Application Level Confidentiality Profile to a data set, in place and at every depth of
 * nesting: the action table ({@link BasicProfile}), removal of private elements unless their creator and
 * element are whitelisted, replacement of every UID outside the DICOM root ({@link UidMapper}), then the
 * attributes that say so (PatientIdentityRemoved, DeidentificationMethod and its code sequence, 113100).
 * It records what it did per attribute in a {@link DeidReport}, never the values it removed.
 */
public final class Deidentifier {

    public static final String METHOD = "Calibra import: PS3.15 E.1 Basic Profile"; // LO: at most 64

    /** A private element that may stay: its private creator and the low byte of its element number. */
    public record PrivateTag(String creator, int elementByte) {}

    private final UidMapper uids;
    private final Set<PrivateTag> whitelist;

    public Deidentifier(byte[] secret, Set<PrivateTag> whitelist) {
        this.uids = new UidMapper(secret);
        this.whitelist = Set.copyOf(whitelist);
    }

    public Deidentifier(byte[] secret) {
        this(secret, Set.of());
    }

    /** De-identifies {@code data} (changed in place) and adds to {@code report} what was done, for {@code file}. */
    public void apply(DataSet data, String file, DeidReport report) {
        walk(data, "", report);
        data.putText(Tags.PatientIdentityRemoved, "CS", "YES");
        data.putText(Tags.DeidentificationMethod, "LO", METHOD);
        DataSet code = new DataSet()
                .putText(Tags.CodeValue, "SH", "113100")
                .putText(Tags.CodingSchemeDesignator, "SH", "DCM")
                .putText(Tags.CodeMeaning, "LO", "Basic Application Confidentiality Profile");
        data.put(Element.sequence(Tags.DeidentificationMethodCodeSequence, List.of(code)));
        BurnedInRisk.of(data).ifPresent(reason -> report.flag(file, reason));
        report.fileDone();
    }

    /** Whether a data set says it was de-identified by Calibra's importer (PatientIdentityRemoved YES and this method). */
    public static boolean marked(DataSet data) {
        return "YES".equals(trimmed(data.string(Tags.PatientIdentityRemoved))) && METHOD.equals(trimmed(data.string(Tags.DeidentificationMethod)));
    }

    private static String trimmed(String s) {
        return s == null ? null : s.trim();
    }

    /**
     * A file whose exact bytes this installation already stored after de-identifying them (a case exported from the app
     * and imported again): nothing is changed — de-identifying again would only map its UIDs a second time — but its
     * burned-in risk is flagged as for any other file.
     */
    public void alreadyDone(DataSet data, String file, DeidReport report) {
        BurnedInRisk.of(data).ifPresent(reason -> report.flag(file, reason));
        report.fileDone();
    }

    private void walk(DataSet ds, String path, DeidReport report) {
        Map<Integer, String> creators = privateCreators(ds);
        for (Element e : ds.elements()) {
            int tag = e.tag();
            String where = path + Tags.describe(tag);
            if (Tags.isPrivate(tag)) {
                if (!keepPrivate(tag, creators)) {
                    ds.remove(tag);
                    report.record(path + "private elements", Action.REMOVE);
                } else if (e.isSequence()) {
                    e.items().forEach(item -> walk(item, where + " > ", report));
                }
                continue;
            }
            Action action = BasicProfile.actionFor(tag);
            if (action == null || action == Action.KEEP) {
                if (e.isSequence()) {
                    e.items().forEach(item -> walk(item, where + " > ", report));
                } else if ("UI".equals(e.vr()) && e.value() != null && replaceUids(ds, e)) {
                    report.record(where, Action.UID);
                }
                continue;
            }
            if (e.isSequence() && action == Action.DUMMY) {
                action = Action.EMPTY; // items may name people or places in attributes the table does not list
            }
            switch (action) {
                case REMOVE -> ds.remove(tag);
                case EMPTY -> ds.put(e.isSequence() ? Element.sequence(tag, List.of()) : Element.of(tag, e.vr(), new byte[0]));
                case UID -> {
                    if (e.isSequence()) {
                        e.items().forEach(item -> walk(item, where + " > ", report));
                    } else if (e.value() != null) {
                        replaceUids(ds, e);
                    }
                }
                case DUMMY -> {
                    if ("UI".equals(e.vr())) {
                        replaceUids(ds, e);
                    } else if (e.value() != null && e.value().length > 0) {
                        ds.put(Element.of(tag, e.vr(), dummy(e.vr(), e.value().length)));
                    }
                }
                default -> throw new IllegalStateException(action.name());
            }
            report.record(where, action);
        }
    }

    /**
     * The UID a de-identified file holds in place of {@code uid} (well-known DICOM UIDs stay as they are): how objects that
     * refer to the original images (an AI product's SEG or SR) find the stored ones (ADR 0019).
     */
    public String mappedUid(String uid) {
        String u = uid.trim();
        return u.isEmpty() || UidMapper.isWellKnown(u) ? u : uids.map(u);
    }

    /** Replaces each UID value of a UI element; true when any value changed. */
    private boolean replaceUids(DataSet ds, Element e) {
        String raw = new String(e.value(), StandardCharsets.US_ASCII).replace("\0", "").trim();
        if (raw.isEmpty()) {
            return false;
        }
        List<String> out = new ArrayList<>();
        boolean changed = false;
        for (String uid : raw.split("\\\\")) {
            String u = uid.trim();
            if (u.isEmpty() || UidMapper.isWellKnown(u)) {
                out.add(u);
            } else {
                out.add(uids.map(u));
                changed = true;
            }
        }
        if (changed) {
            ds.putText(e.tag(), "UI", String.join("\\", out));
        }
        return changed;
    }

    private boolean keepPrivate(int tag, Map<Integer, String> creators) {
        int element = tag & 0xFFFF;
        if (element >= 0x0010 && element <= 0x00FF) { // a creator stays if anything it reserved may stay
            String creator = creators.get(tag);
            return creator != null && whitelist.stream().anyMatch(w -> w.creator().equals(creator));
        }
        int block = (tag & 0xFFFF0000) | (element >>> 8);
        String creator = creators.get(block);
        return creator != null && whitelist.contains(new PrivateTag(creator, element & 0xFF));
    }

    private static Map<Integer, String> privateCreators(DataSet ds) {
        Map<Integer, String> creators = new HashMap<>();
        for (Element e : ds.view()) {
            int element = e.tag() & 0xFFFF;
            if (e.isPrivate() && element >= 0x0010 && element <= 0x00FF && e.value() != null) {
                creators.put(e.tag(), new String(e.value(), StandardCharsets.ISO_8859_1).trim());
            }
        }
        return creators;
    }

    /** A dummy value of the VR (PS3.15 E.1.1 "D"): meaningless, valid, and the same for every input. */
    static byte[] dummy(String vr, int originalLength) {
        String text = switch (vr) {
            case "DA" -> "19000101";
            case "TM" -> "000000";
            case "DT" -> "19000101000000";
            case "DS", "IS" -> "0";
            case "AS" -> "000D";
            case "PN" -> "ANONYMIZED";
            case "AE", "CS", "SH", "LO", "LT", "ST", "UT", "UC", "UR" -> "ANONYMIZED";
            default -> null;
        };
        if (text == null) {
            return new byte[Math.max(0, originalLength)]; // binary VRs: zeros of the same size
        }
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        if (b.length % 2 == 1) {
            b = java.util.Arrays.copyOf(b, b.length + 1);
            b[b.length - 1] = ' ';
        }
        return b;
    }
}
