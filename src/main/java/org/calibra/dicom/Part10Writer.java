package org.calibra.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a Part 10 file: 128 zero bytes, "DICM", a fresh file meta group (with its group length), then the
 * data set in explicit VR little endian, or — for encapsulated pixel data — in the original compressed
 * transfer syntax, whose data set encoding is explicit VR little endian too. Sequences and items get
 * defined lengths; encapsulated pixel data keeps its fragments, byte for byte. Values are already little
 * endian in a {@link DataSet}, so big-endian input comes out correctly swapped. Output depends only on the
 * input, so writing is deterministic: the synthetic generator's recipes pin its bytes (ADR 0008), and
 * {@code StarterLibraryTest} regenerates every committed recipe, into an empty cache, against its SHA-256.
 */
public final class Part10Writer {

    public static final String IMPLEMENTATION_CLASS_UID = "2.25.47122727569323396685330965319684096278";
    public static final String IMPLEMENTATION_VERSION = "CALIBRA_IMP_1";

    /** Who wrote the file (PS3.7 D.3.3.2): the file meta group's Implementation Class UID and Version Name. */
    public record Implementation(String classUid, String versionName) {}

    /** The importer and de-identifier. */
    public static final Implementation CALIBRA = new Implementation(IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION);

    private Part10Writer() {
    }

    public static byte[] write(DataSet data, String transferSyntaxUid) {
        return write(data, transferSyntaxUid, CALIBRA);
    }

    public static byte[] write(DataSet data, String transferSyntaxUid, Implementation implementation) {
        return write(data, transferSyntaxUid, required(data, Tags.SOPClassUID), required(data, Tags.SOPInstanceUID), implementation);
    }

    /** With the file meta group's SOP Class and Instance UIDs given (for data sets that lack them). */
    public static byte[] write(DataSet data, String transferSyntaxUid, String sopClass, String sopInstance) {
        return write(data, transferSyntaxUid, sopClass, sopInstance, CALIBRA);
    }

    public static byte[] write(DataSet data, String transferSyntaxUid, String sopClass, String sopInstance, Implementation implementation) {
        boolean encapsulated = TransferSyntax.of(transferSyntaxUid).encapsulated();
        var pixel = data.get(Tags.PixelData);
        if (pixel != null && pixel.isEncapsulated() != encapsulated) {
            throw new DicomException("pixel data is " + (pixel.isEncapsulated() ? "compressed" : "native")
                    + " but transfer syntax " + transferSyntaxUid + " says otherwise");
        }
        DataSet meta = new DataSet()
                .put(Element.of(Tags.FileMetaInformationVersion, "OB", new byte[] {0, 1}))
                .putText(Tags.MediaStorageSOPClassUID, "UI", sopClass)
                .putText(Tags.MediaStorageSOPInstanceUID, "UI", sopInstance)
                .putText(Tags.TransferSyntaxUID, "UI", transferSyntaxUid)
                .putText(Tags.ImplementationClassUID, "UI", implementation.classUid())
                .putText(Tags.ImplementationVersionName, "SH", implementation.versionName());
        byte[] metaBytes = encode(meta);
        var out = new ByteArrayOutputStream(metaBytes.length + 256 + estimate(data));
        out.writeBytes(new byte[128]);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        byte[] length = new byte[4];
        put32(length, 0, metaBytes.length);
        writeHeader(out, Tags.FileMetaInformationGroupLength, "UL", 4);
        out.writeBytes(length);
        out.writeBytes(metaBytes);
        out.writeBytes(encode(data));
        return out.toByteArray();
    }

    static byte[] encode(DataSet data) {
        var out = new ByteArrayOutputStream();
        for (Element e : data.view()) {
            if (e.isEncapsulated()) {
                writeHeader(out, e.tag(), "OB", -1);
                for (byte[] f : e.fragments()) {
                    writeItem(out, Tags.ITEM, f.length);
                    out.writeBytes(f);
                    if (f.length % 2 == 1) {
                        out.write(0);
                    }
                }
                writeItem(out, Tags.SEQUENCE_DELIMITATION, 0);
                continue;
            }
            byte[] value = e.isSequence() ? encodeItems(e) : padded(e);
            String vr = e.vr();
            if (!Vrs.LONG.contains(vr) && value.length > 0xFFFF) {
                vr = "UN"; // a value too long for its VR (seen in implicit VR input): keep the bytes, say UN
            }
            writeHeader(out, e.tag(), vr, value.length);
            out.writeBytes(value);
        }
        return out.toByteArray();
    }

    private static byte[] encodeItems(Element sequence) {
        var out = new ByteArrayOutputStream();
        for (DataSet item : sequence.items()) {
            byte[] body = encode(item);
            writeItem(out, Tags.ITEM, body.length);
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    private static byte[] padded(Element e) {
        byte[] v = e.value();
        if (v.length % 2 == 0) {
            return v;
        }
        byte[] p = java.util.Arrays.copyOf(v, v.length + 1);
        p[v.length] = (byte) (Vrs.isText(e.vr()) && !"UI".equals(e.vr()) ? ' ' : 0);
        return p;
    }

    /** Tag, VR and length; {@code length} -1 writes undefined length (0xFFFFFFFF). */
    private static void writeHeader(ByteArrayOutputStream out, int tag, String vr, int length) {
        byte[] h = new byte[Vrs.LONG.contains(vr) ? 12 : 8];
        put16(h, 0, tag >>> 16);
        put16(h, 2, tag & 0xFFFF);
        h[4] = (byte) vr.charAt(0);
        h[5] = (byte) vr.charAt(1);
        if (h.length == 12) {
            put32(h, 8, length);
        } else {
            put16(h, 6, length);
        }
        out.writeBytes(h);
    }

    private static void writeItem(ByteArrayOutputStream out, int tag, int length) {
        byte[] h = new byte[8];
        put16(h, 0, tag >>> 16);
        put16(h, 2, tag & 0xFFFF);
        put32(h, 4, length);
        out.writeBytes(h);
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    private static void put32(byte[] b, int at, int v) {
        put16(b, at, v & 0xFFFF);
        put16(b, at + 2, v >>> 16);
    }

    private static int estimate(DataSet data) {
        int n = 0;
        for (Element e : data.view()) {
            if (e.value() != null) {
                n += e.value().length + 12;
            } else if (e.fragments() != null) {
                for (byte[] f : e.fragments()) {
                    n += f.length + 8;
                }
            } else {
                n += 512;
            }
        }
        return n;
    }

    private static String required(DataSet data, int tag) {
        String v = data.string(tag);
        if (v == null || v.isBlank()) {
            throw new DicomException(Tags.describe(tag) + " is required to write a Part 10 file, and it is missing or empty");
        }
        return v;
    }
}
