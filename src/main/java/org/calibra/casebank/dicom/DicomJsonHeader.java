package org.calibra.casebank.dicom;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.calibra.dicom.Dictionary;
import org.calibra.dicom.Element;
import org.calibra.dicom.Tags;
import org.calibra.dicom.TransferSyntax;
import org.calibra.shared.PatientPlane;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link DicomHeader} from DICOM JSON (PS3.18 F.2), for images kept in an external archive: the same attributes a
 * Part 10 file would give, kept as the codec's elements so they are served and checked like local ones. Only the attributes of
 * {@link MetadataTags} are kept (never the archive's own URLs or bulk-data links). There is no pixel data location.
 */
public final class DicomJsonHeader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DicomJsonHeader() {
    }

    /** Every instance of a series' metadata, in stack order (see {@link #stackOrder}). */
    public static List<DicomHeader> series(String json) throws DicomFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (RuntimeException e) {
            throw new DicomFormatException("the archive's metadata is not JSON: " + e.getMessage());
        }
        if (!root.isArray() || root.isEmpty()) {
            throw new DicomFormatException("the archive's metadata is not a non-empty JSON array of instances");
        }
        List<DicomHeader> headers = new ArrayList<>();
        for (JsonNode instance : root) {
            headers.add(header(instance));
        }
        return stackOrder(headers);
    }

    /**
     * An archive's metadata is the hospital's, not de-identified by Calibra: the patient module (group 0010) and the
     * study's date, time, accession number, institution and physicians never reach the browser.
     */
    static boolean identifying(int tag) {
        return (tag >>> 16) == 0x0010 || tag == 0x00080020 || tag == 0x00080030 || tag == 0x00080050 || tag == 0x00080080
                || tag == 0x00080081 || tag == 0x00080090 || tag == 0x00081050 || tag == 0x00081060 || tag == 0x00200010;
    }

    public static DicomHeader header(JsonNode instance) throws DicomFormatException {
        Map<Integer, Element> attributes = new HashMap<>();
        for (var e : instance.properties()) {
            int tag;
            try {
                tag = Integer.parseUnsignedInt(e.getKey(), 16);
            } catch (NumberFormatException ex) {
                throw new DicomFormatException("metadata key '" + e.getKey() + "' is not an 8-digit hexadecimal tag");
            }
            if (!MetadataTags.kept(tag) || identifying(tag)) {
                continue;
            }
            String vr = e.getValue().path("vr").asString(Dictionary.vr(tag));
            try {
                attributes.put(tag, element(tag, vr, e.getValue().path("Value")));
            } catch (IllegalArgumentException ex) {
                throw new DicomFormatException("the archive's metadata has an unusable value: " + ex.getMessage());
            }
        }
        String ts = text(attributes, Tags.TransferSyntaxUID);
        if (ts == null) {
            ts = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN; // DICOMweb sends frames in the transfer syntax it names per part; this is only for display
            attributes.put(Tags.TransferSyntaxUID, Element.of(Tags.TransferSyntaxUID, "UI", ts.getBytes(StandardCharsets.US_ASCII)));
        }
        int rows = number(attributes, Tags.Rows, "Rows (0028,0010)");
        int columns = number(attributes, Tags.Columns, "Columns (0028,0011)");
        String frames = text(attributes, Tags.NumberOfFrames);
        Double[] spacing = spacing(text(attributes, Tags.PixelSpacing));
        Map<String, String> descriptions = new HashMap<>();
        for (int tag : new int[] {Tags.StudyDescription, Tags.SeriesDescription}) {
            String v = text(attributes, tag);
            if (v != null && !v.isEmpty()) {
                descriptions.put(tag == Tags.StudyDescription ? "StudyDescription (0008,1030)" : "SeriesDescription (0008,103E)", v);
            }
        }
        String sop = require(attributes, Tags.SOPInstanceUID, "SOPInstanceUID (0008,0018)");
        return new DicomHeader(ts, text(attributes, Tags.SOPClassUID), sop, require(attributes, Tags.StudyInstanceUID, "StudyInstanceUID (0020,000D)"),
                require(attributes, Tags.SeriesInstanceUID, "SeriesInstanceUID (0020,000E)"), text(attributes, Tags.Modality), rows, columns,
                frames == null || frames.isEmpty() ? 1 : Integer.parseInt(frames.trim()), spacing[0], spacing[1], true, descriptions,
                PatientPlane.parse(text(attributes, Tags.ImagePositionPatient), text(attributes, Tags.ImageOrientationPatient)), attributes, null);
    }

    /**
     * The order truth coordinates of an archive case refer to: when every instance has a plane, from the largest position
     * along the plane's normal (row × column) down — for axial slices head to feet, the usual CT order — then by Instance
     * Number, then by SOP Instance UID; without planes by Instance Number, then SOP Instance UID.
     */
    public static List<DicomHeader> stackOrder(List<DicomHeader> headers) {
        List<DicomHeader> sorted = new ArrayList<>(headers);
        Comparator<DicomHeader> byNumber = Comparator.comparingLong(DicomJsonHeader::instanceNumber);
        if (sorted.stream().allMatch(h -> h.plane() != null)) {
            sorted.sort(Comparator.comparingDouble((DicomHeader h) -> -alongNormal(h)).thenComparing(byNumber)
                    .thenComparing(DicomHeader::sopInstanceUid));
        } else {
            sorted.sort(byNumber.thenComparing(DicomHeader::sopInstanceUid));
        }
        return sorted;
    }

    private static long instanceNumber(DicomHeader h) {
        String n = h.text(0x00200013);
        try {
            return n == null ? Long.MAX_VALUE : Long.parseLong(n.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static double alongNormal(DicomHeader h) {
        var p = h.plane();
        double nx = p.rowY() * p.colZ() - p.rowZ() * p.colY();
        double ny = p.rowZ() * p.colX() - p.rowX() * p.colZ();
        double nz = p.rowX() * p.colY() - p.rowY() * p.colX();
        return p.px() * nx + p.py() * ny + p.pz() * nz;
    }

    /** The element as the file would hold it: text joined by backslashes, or little-endian binary for binary numbers. */
    private static Element element(int tag, String vr, JsonNode values) {
        if (values.isMissingNode() || !values.isArray()) {
            return Element.of(tag, vr, new byte[0]);
        }
        return switch (vr) {
            case "US", "SS", "UL", "SL" -> Element.ofInts(tag, vr, values.valueStream().mapToLong(JsonNode::asLong).toArray());
            case "FL", "FD" -> Element.ofFloats(tag, vr, values.valueStream().mapToDouble(JsonNode::asDouble).toArray());
            case "AT" -> Element.ofInts(tag, vr, values.valueStream().mapToLong(v -> Long.parseUnsignedLong(v.asString(), 16)).toArray());
            default -> {
                List<String> parts = new ArrayList<>();
                values.forEach(v -> parts.add(v.isNull() ? "" : v.isObject() ? v.path("Alphabetic").asString("") : v.asString()));
                yield Element.of(tag, vr, String.join("\\", parts).getBytes(StandardCharsets.ISO_8859_1));
            }
        };
    }

    private static String text(Map<Integer, Element> a, int tag) {
        Element v = a.get(tag);
        return v == null ? null : v.text();
    }

    private static String require(Map<Integer, Element> a, int tag, String name) throws DicomFormatException {
        String v = text(a, tag);
        if (v == null || v.isEmpty()) {
            throw new DicomFormatException("the archive's metadata has no " + name);
        }
        return v;
    }

    private static int number(Map<Integer, Element> a, int tag, String name) throws DicomFormatException {
        Element v = a.get(tag);
        if (v == null || v.value().length < 2) {
            throw new DicomFormatException("the archive's metadata has no " + name + "; an image needs it");
        }
        return (int) Element.of(tag, "US", java.util.Arrays.copyOf(v.value(), 2)).longs()[0];
    }

    private static Double[] spacing(String s) {
        if (s == null) {
            return new Double[] {null, null};
        }
        String[] parts = s.split("\\\\");
        try {
            return parts.length == 2 ? new Double[] {Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())} : new Double[] {null, null};
        } catch (NumberFormatException e) {
            return new Double[] {null, null};
        }
    }
}
