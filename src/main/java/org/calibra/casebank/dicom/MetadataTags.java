package org.calibra.casebank.dicom;

import java.util.Map;
import java.util.TreeMap;

/**
 * The top-level attributes {@link DicomHeaderReader} keeps for DICOMweb metadata and search (PS3.18 F.2), with
 * their VR for files in implicit VR: what Cornerstone's wadors loader reads (image pixel, plane, VOI, modality
 * LUT, SOP common, multi-frame, series/study), plus the QIDO-RS return keys. Everything else stays in the file.
 */
public final class MetadataTags {

    /** tag → VR, sorted by tag (DICOM JSON lists attributes in tag order). */
    public static final Map<Integer, String> VR;

    /** Values larger than 1 KiB kept anyway: palette colour lookup tables, needed to display PALETTE COLOR images. */
    static final java.util.Set<Integer> LARGE = java.util.Set.of(0x00281201, 0x00281202, 0x00281203);

    static {
        var m = new TreeMap<Integer, String>();
        // file meta: the loader reads the transfer syntax from the metadata
        m.put(0x00020010, "UI");
        // SOP common, general study / series / image
        m.put(0x00080005, "CS"); m.put(0x00080008, "CS"); m.put(0x00080016, "UI"); m.put(0x00080018, "UI");
        m.put(0x00080020, "DA"); m.put(0x00080021, "DA"); m.put(0x00080022, "DA"); m.put(0x00080023, "DA");
        m.put(0x00080030, "TM"); m.put(0x00080031, "TM"); m.put(0x00080032, "TM"); m.put(0x00080033, "TM");
        m.put(0x00080050, "SH"); m.put(0x00080060, "CS"); m.put(0x00080070, "LO"); m.put(0x00080090, "PN");
        m.put(0x00081030, "LO"); m.put(0x0008103E, "LO");
        // patient
        m.put(0x00100010, "PN"); m.put(0x00100020, "LO"); m.put(0x00100030, "DA"); m.put(0x00100040, "CS");
        m.put(0x00101010, "AS"); m.put(0x00101020, "DS"); m.put(0x00101030, "DS");
        // acquisition / geometry
        m.put(0x00180015, "CS"); m.put(0x00180050, "DS"); m.put(0x00180088, "DS"); m.put(0x00181063, "DS");
        m.put(0x00181114, "DS"); m.put(0x00181164, "DS"); m.put(0x00185100, "CS");
        m.put(0x0020000D, "UI"); m.put(0x0020000E, "UI"); m.put(0x00200010, "SH"); m.put(0x00200011, "IS");
        m.put(0x00200012, "IS"); m.put(0x00200013, "IS"); m.put(0x00200020, "CS"); m.put(0x00200032, "DS");
        m.put(0x00200037, "DS"); m.put(0x00200052, "UI"); m.put(0x00201041, "DS");
        // image pixel, multi-frame, LUTs
        m.put(0x00280002, "US"); m.put(0x00280004, "CS"); m.put(0x00280006, "US"); m.put(0x00280008, "IS");
        m.put(0x00280009, "AT"); m.put(0x00280010, "US"); m.put(0x00280011, "US"); m.put(0x00280030, "DS");
        m.put(0x00280034, "IS"); m.put(0x00280100, "US"); m.put(0x00280101, "US"); m.put(0x00280102, "US");
        m.put(0x00280103, "US"); m.put(0x00280106, "US"); m.put(0x00280107, "US"); m.put(0x00280120, "US");
        m.put(0x00281040, "CS"); m.put(0x00281041, "SS");
        m.put(0x00281050, "DS"); m.put(0x00281051, "DS"); m.put(0x00281052, "DS"); m.put(0x00281053, "DS");
        m.put(0x00281054, "LO"); m.put(0x00281055, "LO"); m.put(0x00281056, "CS");
        m.put(0x00281101, "US"); m.put(0x00281102, "US"); m.put(0x00281103, "US");
        m.put(0x00281201, "OW"); m.put(0x00281202, "OW"); m.put(0x00281203, "OW");
        m.put(0x00282110, "CS"); m.put(0x00282112, "DS"); m.put(0x00282114, "CS");
        // RT dose grid (multi-frame dose): frame offsets and the scaling of stored values
        m.put(0x30040002, "CS"); m.put(0x30040004, "CS"); m.put(0x3004000A, "CS"); m.put(0x3004000C, "DS"); m.put(0x3004000E, "DS");
        VR = java.util.Collections.unmodifiableMap(m);
    }

    private MetadataTags() {
    }

    /** For messages and tests: "(0028,0010)". */
    public static String format(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }
}
