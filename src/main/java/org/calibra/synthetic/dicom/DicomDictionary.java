package org.calibra.synthetic.dicom;

import java.util.HashMap;
import java.util.Map;

/**
 * The attributes the synthetic generator writes, with their VR and keyword (PS3.6). Only these can be put
 * into a {@link DicomDataset}; anything else is a programming error caught at once, not a silent wrong VR.
 */
public final class DicomDictionary {

    public record Entry(int tag, String vr, String keyword) {}

    private static final Map<Integer, Entry> BY_TAG = new HashMap<>();

    // File meta information
    public static final int FileMetaInformationGroupLength = def(0x00020000, "UL", "FileMetaInformationGroupLength");
    public static final int FileMetaInformationVersion = def(0x00020001, "OB", "FileMetaInformationVersion");
    public static final int MediaStorageSOPClassUID = def(0x00020002, "UI", "MediaStorageSOPClassUID");
    public static final int MediaStorageSOPInstanceUID = def(0x00020003, "UI", "MediaStorageSOPInstanceUID");
    public static final int TransferSyntaxUID = def(0x00020010, "UI", "TransferSyntaxUID");
    public static final int ImplementationClassUID = def(0x00020012, "UI", "ImplementationClassUID");
    public static final int ImplementationVersionName = def(0x00020013, "SH", "ImplementationVersionName");
    // SOP common, study, series, equipment
    public static final int SpecificCharacterSet = def(0x00080005, "CS", "SpecificCharacterSet");
    public static final int ImageType = def(0x00080008, "CS", "ImageType");
    public static final int InstanceCreationDate = def(0x00080012, "DA", "InstanceCreationDate");
    public static final int InstanceCreationTime = def(0x00080013, "TM", "InstanceCreationTime");
    public static final int SOPClassUID = def(0x00080016, "UI", "SOPClassUID");
    public static final int SOPInstanceUID = def(0x00080018, "UI", "SOPInstanceUID");
    public static final int StudyDate = def(0x00080020, "DA", "StudyDate");
    public static final int SeriesDate = def(0x00080021, "DA", "SeriesDate");
    public static final int AcquisitionDate = def(0x00080022, "DA", "AcquisitionDate");
    public static final int ContentDate = def(0x00080023, "DA", "ContentDate");
    public static final int StudyTime = def(0x00080030, "TM", "StudyTime");
    public static final int SeriesTime = def(0x00080031, "TM", "SeriesTime");
    public static final int AcquisitionTime = def(0x00080032, "TM", "AcquisitionTime");
    public static final int ContentTime = def(0x00080033, "TM", "ContentTime");
    public static final int AccessionNumber = def(0x00080050, "SH", "AccessionNumber");
    public static final int Modality = def(0x00080060, "CS", "Modality");
    public static final int PresentationIntentType = def(0x00080068, "CS", "PresentationIntentType");
    public static final int Manufacturer = def(0x00080070, "LO", "Manufacturer");
    public static final int InstitutionName = def(0x00080080, "LO", "InstitutionName");
    public static final int ReferringPhysicianName = def(0x00080090, "PN", "ReferringPhysicianName");
    public static final int CodeValue = def(0x00080100, "SH", "CodeValue");
    public static final int CodingSchemeDesignator = def(0x00080102, "SH", "CodingSchemeDesignator");
    public static final int CodeMeaning = def(0x00080104, "LO", "CodeMeaning");
    public static final int StudyDescription = def(0x00081030, "LO", "StudyDescription");
    public static final int SeriesDescription = def(0x0008103E, "LO", "SeriesDescription");
    public static final int ManufacturerModelName = def(0x00081090, "LO", "ManufacturerModelName");
    public static final int AnatomicRegionSequence = def(0x00082218, "SQ", "AnatomicRegionSequence");
    // Patient
    public static final int PatientName = def(0x00100010, "PN", "PatientName");
    public static final int PatientID = def(0x00100020, "LO", "PatientID");
    public static final int PatientBirthDate = def(0x00100030, "DA", "PatientBirthDate");
    public static final int PatientSex = def(0x00100040, "CS", "PatientSex");
    public static final int PatientAge = def(0x00101010, "AS", "PatientAge");
    public static final int PatientIdentityRemoved = def(0x00120062, "CS", "PatientIdentityRemoved");
    public static final int DeidentificationMethod = def(0x00120063, "LO", "DeidentificationMethod");
    // Acquisition
    public static final int BodyPartExamined = def(0x00180015, "CS", "BodyPartExamined");
    public static final int SliceThickness = def(0x00180050, "DS", "SliceThickness");
    public static final int KVP = def(0x00180060, "DS", "KVP");
    public static final int SoftwareVersions = def(0x00181020, "LO", "SoftwareVersions");
    public static final int DistanceSourceToDetector = def(0x00181110, "DS", "DistanceSourceToDetector");
    public static final int DistanceSourceToPatient = def(0x00181111, "DS", "DistanceSourceToPatient");
    public static final int ReconstructionDiameter = def(0x00181100, "DS", "ReconstructionDiameter");
    public static final int ExposureTime = def(0x00181150, "IS", "ExposureTime");
    public static final int XRayTubeCurrent = def(0x00181151, "IS", "XRayTubeCurrent");
    public static final int Exposure = def(0x00181152, "IS", "Exposure");
    public static final int ImagerPixelSpacing = def(0x00181164, "DS", "ImagerPixelSpacing");
    public static final int ConvolutionKernel = def(0x00181210, "SH", "ConvolutionKernel");
    public static final int PositionerType = def(0x00181508, "CS", "PositionerType");
    public static final int PatientPosition = def(0x00185100, "CS", "PatientPosition");
    public static final int ViewPosition = def(0x00185101, "CS", "ViewPosition");
    public static final int DetectorType = def(0x00187004, "CS", "DetectorType");
    // Relationship, plane
    public static final int StudyInstanceUID = def(0x0020000D, "UI", "StudyInstanceUID");
    public static final int SeriesInstanceUID = def(0x0020000E, "UI", "SeriesInstanceUID");
    public static final int StudyID = def(0x00200010, "SH", "StudyID");
    public static final int SeriesNumber = def(0x00200011, "IS", "SeriesNumber");
    public static final int AcquisitionNumber = def(0x00200012, "IS", "AcquisitionNumber");
    public static final int InstanceNumber = def(0x00200013, "IS", "InstanceNumber");
    public static final int PatientOrientation = def(0x00200020, "CS", "PatientOrientation");
    public static final int ImagePositionPatient = def(0x00200032, "DS", "ImagePositionPatient");
    public static final int ImageOrientationPatient = def(0x00200037, "DS", "ImageOrientationPatient");
    public static final int FrameOfReferenceUID = def(0x00200052, "UI", "FrameOfReferenceUID");
    public static final int Laterality = def(0x00200060, "CS", "Laterality");
    public static final int ImageLaterality = def(0x00200062, "CS", "ImageLaterality");
    public static final int PositionReferenceIndicator = def(0x00201040, "LO", "PositionReferenceIndicator");
    public static final int SliceLocation = def(0x00201041, "DS", "SliceLocation");
    // Image pixel, presentation
    public static final int SamplesPerPixel = def(0x00280002, "US", "SamplesPerPixel");
    public static final int PhotometricInterpretation = def(0x00280004, "CS", "PhotometricInterpretation");
    public static final int Rows = def(0x00280010, "US", "Rows");
    public static final int Columns = def(0x00280011, "US", "Columns");
    public static final int PixelSpacing = def(0x00280030, "DS", "PixelSpacing");
    public static final int BitsAllocated = def(0x00280100, "US", "BitsAllocated");
    public static final int BitsStored = def(0x00280101, "US", "BitsStored");
    public static final int HighBit = def(0x00280102, "US", "HighBit");
    public static final int PixelRepresentation = def(0x00280103, "US", "PixelRepresentation");
    public static final int BurnedInAnnotation = def(0x00280301, "CS", "BurnedInAnnotation");
    public static final int PixelSpacingCalibrationType = def(0x00280A02, "CS", "PixelSpacingCalibrationType");
    public static final int PixelIntensityRelationship = def(0x00281040, "CS", "PixelIntensityRelationship");
    public static final int PixelIntensityRelationshipSign = def(0x00281041, "SS", "PixelIntensityRelationshipSign");
    public static final int WindowCenter = def(0x00281050, "DS", "WindowCenter");
    public static final int WindowWidth = def(0x00281051, "DS", "WindowWidth");
    public static final int RescaleIntercept = def(0x00281052, "DS", "RescaleIntercept");
    public static final int RescaleSlope = def(0x00281053, "DS", "RescaleSlope");
    public static final int RescaleType = def(0x00281054, "LO", "RescaleType");
    public static final int WindowCenterWidthExplanation = def(0x00281055, "LO", "WindowCenterWidthExplanation");
    public static final int LossyImageCompression = def(0x00282110, "CS", "LossyImageCompression");
    public static final int ViewCodeSequence = def(0x00540220, "SQ", "ViewCodeSequence");
    public static final int AcquisitionContextSequence = def(0x00400555, "SQ", "AcquisitionContextSequence");
    public static final int PresentationLUTShape = def(0x20500020, "CS", "PresentationLUTShape");
    public static final int PixelData = def(0x7FE00010, "OW", "PixelData");

    private DicomDictionary() {
    }

    private static int def(int tag, String vr, String keyword) {
        BY_TAG.put(tag, new Entry(tag, vr, keyword));
        return tag;
    }

    public static Entry entry(int tag) {
        Entry e = BY_TAG.get(tag);
        if (e == null) {
            throw new IllegalArgumentException(String.format("(%04X,%04X) is not in the synthetic generator's dictionary", tag >>> 16, tag & 0xFFFF));
        }
        return e;
    }
}
