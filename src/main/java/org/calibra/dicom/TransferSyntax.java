package org.calibra.dicom;

/** How a data set is encoded, from its transfer syntax UID (PS3.5 10, A). */
public record TransferSyntax(String uid, boolean explicitVr, boolean bigEndian, boolean deflated, boolean encapsulated) {

    public static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
    public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    public static final String EXPLICIT_VR_BIG_ENDIAN = "1.2.840.10008.1.2.2";
    public static final String DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1.99";
    public static final String RLE_LOSSLESS = "1.2.840.10008.1.2.5";

    /**
     * The syntax for a UID, or a {@link DicomException} naming it when Calibra cannot read it. All JPEG
     * family syntaxes (1.2.840.10008.1.2.4.*: JPEG, JPEG-LS, JPEG 2000, HTJ2K, MPEG/HEVC) and RLE carry
     * encapsulated pixel data in an explicit VR little endian data set.
     */
    public static TransferSyntax of(String uid) {
        return switch (uid) {
            case IMPLICIT_VR_LITTLE_ENDIAN -> new TransferSyntax(uid, false, false, false, false);
            case EXPLICIT_VR_LITTLE_ENDIAN -> new TransferSyntax(uid, true, false, false, false);
            case EXPLICIT_VR_BIG_ENDIAN -> new TransferSyntax(uid, true, true, false, false);
            case DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN -> new TransferSyntax(uid, true, false, true, false);
            case RLE_LOSSLESS, "1.2.840.10008.1.2.1.98" -> new TransferSyntax(uid, true, false, false, true);
            default -> {
                if (uid.startsWith("1.2.840.10008.1.2.4.") && uid.substring(20).matches("[0-9]{2,3}")) {
                    yield new TransferSyntax(uid, true, false, false, true);
                }
                throw new UnsupportedDicomException("unsupported encoding: transfer syntax '" + uid + "' is not one Calibra reads"
                        + " (implicit/explicit VR little endian, explicit VR big endian, deflated, RLE, JPEG family)");
            }
        };
    }

    /** What the writer emits: the same syntax for compressed pixel data, otherwise explicit VR little endian. */
    public String forWriting() {
        return encapsulated ? uid : EXPLICIT_VR_LITTLE_ENDIAN;
    }
}
