package org.calibra.dicom;

/**
 * Tags the codec, the importer, the de-identifier and the IOD builders (synthetic cases) refer to by name, named as
 * PS3.6 names them (TagsTest checks each against the dictionary), and tag formatting. A tag not here is found with
 * {@link Dictionary#tag(String)}.
 */
public final class Tags {

    public static final int FileMetaInformationGroupLength = 0x00020000;
    public static final int FileMetaInformationVersion = 0x00020001;
    public static final int MediaStorageSOPClassUID = 0x00020002;
    public static final int MediaStorageSOPInstanceUID = 0x00020003;
    public static final int TransferSyntaxUID = 0x00020010;
    public static final int ImplementationClassUID = 0x00020012;
    public static final int ImplementationVersionName = 0x00020013;
    public static final int SpecificCharacterSet = 0x00080005;
    public static final int ImageType = 0x00080008;
    public static final int InstanceCreationDate = 0x00080012;
    public static final int InstanceCreationTime = 0x00080013;
    public static final int SOPClassUID = 0x00080016;
    public static final int SOPInstanceUID = 0x00080018;
    public static final int StudyDate = 0x00080020;
    public static final int SeriesDate = 0x00080021;
    public static final int AcquisitionDate = 0x00080022;
    public static final int ContentDate = 0x00080023;
    public static final int StudyTime = 0x00080030;
    public static final int SeriesTime = 0x00080031;
    public static final int AcquisitionTime = 0x00080032;
    public static final int ContentTime = 0x00080033;
    public static final int AccessionNumber = 0x00080050;
    public static final int Modality = 0x00080060;
    public static final int PresentationIntentType = 0x00080068;
    public static final int Manufacturer = 0x00080070;
    public static final int InstitutionName = 0x00080080;
    public static final int ReferringPhysicianName = 0x00080090;
    public static final int CodeValue = 0x00080100;
    public static final int CodingSchemeDesignator = 0x00080102;
    public static final int CodeMeaning = 0x00080104;
    public static final int StudyDescription = 0x00081030;
    public static final int SeriesDescription = 0x0008103E;
    public static final int ManufacturerModelName = 0x00081090;
    public static final int AnatomicRegionSequence = 0x00082218;
    public static final int PatientName = 0x00100010;
    public static final int PatientID = 0x00100020;
    public static final int PatientBirthDate = 0x00100030;
    public static final int PatientSex = 0x00100040;
    public static final int PatientAge = 0x00101010;
    public static final int PatientIdentityRemoved = 0x00120062;
    public static final int DeidentificationMethod = 0x00120063;
    public static final int DeidentificationMethodCodeSequence = 0x00120064;
    public static final int BodyPartExamined = 0x00180015;
    public static final int SliceThickness = 0x00180050;
    public static final int KVP = 0x00180060;
    public static final int SoftwareVersions = 0x00181020;
    public static final int ReconstructionDiameter = 0x00181100;
    public static final int DistanceSourceToDetector = 0x00181110;
    public static final int DistanceSourceToPatient = 0x00181111;
    public static final int ExposureTime = 0x00181150;
    public static final int XRayTubeCurrent = 0x00181151;
    public static final int Exposure = 0x00181152;
    public static final int ImagerPixelSpacing = 0x00181164;
    public static final int ConvolutionKernel = 0x00181210;
    public static final int PositionerType = 0x00181508;
    public static final int PatientPosition = 0x00185100;
    public static final int ViewPosition = 0x00185101;
    public static final int DetectorType = 0x00187004;
    public static final int StudyInstanceUID = 0x0020000D;
    public static final int SeriesInstanceUID = 0x0020000E;
    public static final int StudyID = 0x00200010;
    public static final int SeriesNumber = 0x00200011;
    public static final int AcquisitionNumber = 0x00200012;
    public static final int InstanceNumber = 0x00200013;
    public static final int PatientOrientation = 0x00200020;
    public static final int ImagePositionPatient = 0x00200032;
    public static final int ImageOrientationPatient = 0x00200037;
    public static final int FrameOfReferenceUID = 0x00200052;
    public static final int Laterality = 0x00200060;
    public static final int ImageLaterality = 0x00200062;
    public static final int PositionReferenceIndicator = 0x00201040;
    public static final int SliceLocation = 0x00201041;
    public static final int SamplesPerPixel = 0x00280002;
    public static final int PhotometricInterpretation = 0x00280004;
    public static final int NumberOfFrames = 0x00280008;
    public static final int Rows = 0x00280010;
    public static final int Columns = 0x00280011;
    public static final int PixelSpacing = 0x00280030;
    public static final int BitsAllocated = 0x00280100;
    public static final int BitsStored = 0x00280101;
    public static final int HighBit = 0x00280102;
    public static final int PixelRepresentation = 0x00280103;
    public static final int BurnedInAnnotation = 0x00280301;
    public static final int PixelSpacingCalibrationType = 0x00280A02;
    public static final int PixelIntensityRelationship = 0x00281040;
    public static final int PixelIntensityRelationshipSign = 0x00281041;
    public static final int WindowCenter = 0x00281050;
    public static final int WindowWidth = 0x00281051;
    public static final int RescaleIntercept = 0x00281052;
    public static final int RescaleSlope = 0x00281053;
    public static final int RescaleType = 0x00281054;
    public static final int WindowCenterWidthExplanation = 0x00281055;
    public static final int LossyImageCompression = 0x00282110;
    public static final int AcquisitionContextSequence = 0x00400555;
    public static final int ViewCodeSequence = 0x00540220;
    public static final int PresentationLUTShape = 0x20500020;
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
