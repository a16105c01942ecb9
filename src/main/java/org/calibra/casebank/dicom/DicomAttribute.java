package org.calibra.casebank.dicom;

import java.nio.ByteOrder;

/**
 * One top-level attribute as stored in the file: its VR (from the file when explicit, else from
 * {@link MetadataTags}) and its raw value bytes in the data set's byte order. Turning it into DICOM JSON is
 * the DICOMweb module's business.
 */
public record DicomAttribute(int tag, String vr, byte[] value, boolean bigEndian) {

    public ByteOrder order() {
        return bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    /** The value as text: padding (NUL, trailing spaces) removed; for string VRs only. */
    public String text() {
        return new String(value, java.nio.charset.StandardCharsets.ISO_8859_1).replace("\0", "").trim();
    }
}
