package org.calibra.dicom;

/** Tags the codec, the importer and the de-identifier refer to by name, and tag formatting. */
public final class Tags {

    public static final int TransferSyntaxUID = 0x00020010;
    public static final int SpecificCharacterSet = 0x00080005;
    public static final int ImageType = 0x00080008;
    public static final int SOPClassUID = 0x00080016;
    public static final int SOPInstanceUID = 0x00080018;
    public static final int Modality = 0x00080060;
    public static final int BodyPartExamined = 0x00180015;
    public static final int StudyInstanceUID = 0x0020000D;
    public static final int SeriesInstanceUID = 0x0020000E;
    public static final int SeriesNumber = 0x00200011;
    public static final int InstanceNumber = 0x00200013;
    public static final int ImagePositionPatient = 0x00200032;
    public static final int ImageOrientationPatient = 0x00200037;
    public static final int FrameOfReferenceUID = 0x00200052;
    public static final int PatientIdentityRemoved = 0x00120062;
    public static final int DeidentificationMethod = 0x00120063;
    public static final int DeidentificationMethodCodeSequence = 0x00120064;
    public static final int CodeValue = 0x00080100;
    public static final int CodingSchemeDesignator = 0x00080102;
    public static final int CodeMeaning = 0x00080104;
    public static final int SamplesPerPixel = 0x00280002;
    public static final int NumberOfFrames = 0x00280008;
    public static final int Rows = 0x00280010;
    public static final int Columns = 0x00280011;
    public static final int PixelSpacing = 0x00280030;
    public static final int BitsAllocated = 0x00280100;
    public static final int PixelRepresentation = 0x00280103;
    public static final int BurnedInAnnotation = 0x00280301;
    public static final int WindowCenter = 0x00281050;
    public static final int WindowWidth = 0x00281051;
    public static final int RescaleIntercept = 0x00281052;
    public static final int RescaleSlope = 0x00281053;
    public static final int FloatPixelData = 0x7FE00008;
    public static final int DoubleFloatPixelData = 0x7FE00009;
    public static final int PixelData = 0x7FE00010;

    static final int ITEM = 0xFFFEE000;
    static final int ITEM_DELIMITATION = 0xFFFEE00D;
    static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

    private Tags() {
    }

    public static int group(int tag) {
        return tag >>> 16;
    }

    public static boolean isPrivate(int tag) {
        return (group(tag) & 1) == 1;
    }

    /** "(0010,0010)", as dcmdump writes tags (upper case here). */
    public static String format(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }

    /** "(0010,0010) PatientName", or just the tag when the dictionary does not know it. */
    public static String describe(int tag) {
        String keyword = Dictionary.keyword(tag);
        return keyword.isEmpty() ? format(tag) : format(tag) + " " + keyword;
    }
}
