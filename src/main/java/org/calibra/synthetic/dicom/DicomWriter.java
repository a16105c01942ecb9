package org.calibra.synthetic.dicom;

import static org.calibra.synthetic.dicom.DicomDictionary.FileMetaInformationGroupLength;
import static org.calibra.synthetic.dicom.DicomDictionary.FileMetaInformationVersion;
import static org.calibra.synthetic.dicom.DicomDictionary.ImplementationClassUID;
import static org.calibra.synthetic.dicom.DicomDictionary.ImplementationVersionName;
import static org.calibra.synthetic.dicom.DicomDictionary.MediaStorageSOPClassUID;
import static org.calibra.synthetic.dicom.DicomDictionary.MediaStorageSOPInstanceUID;
import static org.calibra.synthetic.dicom.DicomDictionary.SOPClassUID;
import static org.calibra.synthetic.dicom.DicomDictionary.SOPInstanceUID;
import static org.calibra.synthetic.dicom.DicomDictionary.TransferSyntaxUID;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Writes a DICOM Part 10 file (PS3.10 7.1): a 128-byte zero preamble, "DICM", the file meta group with its
 * group length, then the data set in explicit VR little endian (1.2.840.10008.1.2.1). Sequences and items
 * are written with defined lengths. The output depends only on the data set, so it is byte-for-byte
 * reproducible.
 */
public final class DicomWriter {

    public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    public static final String IMPLEMENTATION_CLASS_UID = Uids.uid("calibra-synthetic", "implementation");
    public static final String IMPLEMENTATION_VERSION = "CALIBRA_SYN_1";

    /** PS3.5 7.1.2: these VRs have two reserved bytes and a 32-bit length. */
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");
    private static final int ITEM = 0xFFFEE000;

    private DicomWriter() {
    }

    /** The SOP Class and Instance UIDs of the file meta group are copied from the data set. */
    public static byte[] write(DicomDataset data) {
        String sopClass = textOf(data, SOPClassUID);
        String sopInstance = textOf(data, SOPInstanceUID);
        var meta = new DicomDataset()
                .bytes(FileMetaInformationVersion, new byte[] {0, 1})
                .text(MediaStorageSOPClassUID, sopClass)
                .text(MediaStorageSOPInstanceUID, sopInstance)
                .text(TransferSyntaxUID, EXPLICIT_VR_LITTLE_ENDIAN)
                .text(ImplementationClassUID, IMPLEMENTATION_CLASS_UID)
                .text(ImplementationVersionName, IMPLEMENTATION_VERSION);
        byte[] metaBytes = encode(meta);
        var out = new ByteArrayOutputStream(metaBytes.length + 1024 + estimate(data));
        out.writeBytes(new byte[128]);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        var groupLength = new DicomDataset().integer(FileMetaInformationGroupLength, metaBytes.length);
        out.writeBytes(encode(groupLength));
        out.writeBytes(metaBytes);
        out.writeBytes(encode(data));
        return out.toByteArray();
    }

    private static int estimate(DicomDataset data) {
        int n = 0;
        for (var e : data.elements()) {
            n += e.value() == null ? 256 : e.value().length + 12;
        }
        return n;
    }

    private static String textOf(DicomDataset data, int tag) {
        for (var e : data.elements()) {
            if (e.tag() == tag) {
                return new String(e.value(), StandardCharsets.US_ASCII).replace("\0", "").trim();
            }
        }
        throw new IllegalArgumentException(DicomDictionary.entry(tag).keyword() + " is required to write a Part 10 file");
    }

    static byte[] encode(DicomDataset data) {
        var out = new ByteArrayOutputStream();
        for (var e : data.elements()) {
            byte[] value = e.items() == null ? e.value() : encodeItems(e);
            out.write(e.tag() >>> 16 & 0xFF);
            out.write(e.tag() >>> 24 & 0xFF);
            out.write(e.tag() & 0xFF);
            out.write(e.tag() >>> 8 & 0xFF);
            out.writeBytes(e.vr().getBytes(StandardCharsets.US_ASCII));
            if (LONG_VRS.contains(e.vr())) {
                out.write(0);
                out.write(0);
                writeInt(out, value.length);
            } else {
                if (value.length > 0xFFFF) {
                    throw new IllegalArgumentException(DicomDictionary.entry(e.tag()).keyword() + " is too long for VR " + e.vr());
                }
                out.write(value.length & 0xFF);
                out.write(value.length >>> 8 & 0xFF);
            }
            out.writeBytes(value);
        }
        return out.toByteArray();
    }

    private static byte[] encodeItems(DicomDataset.Element sequence) {
        var out = new ByteArrayOutputStream();
        for (DicomDataset item : sequence.items()) {
            byte[] body = encode(item);
            writeInt(out, (ITEM >>> 16) | (ITEM << 16)); // group FFFE then element E000, each little endian
            writeInt(out, body.length);
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write(v >>> 8 & 0xFF);
        out.write(v >>> 16 & 0xFF);
        out.write(v >>> 24 & 0xFF);
    }
}
