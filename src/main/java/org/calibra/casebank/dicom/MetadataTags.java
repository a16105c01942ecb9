package org.calibra.casebank.dicom;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.calibra.dicom.Dictionary;

/**
 * The top-level attributes a {@link DicomHeader} keeps for DICOMweb metadata and search (PS3.18 F.2): what
 * Cornerstone's wadors loader reads (image pixel, plane, VOI, modality LUT, SOP common, multi-frame, series/study),
 * plus the QIDO-RS return keys. Named by their PS3.6 keywords; their VRs are the dictionary's. Everything else
 * stays in the file.
 */
public final class MetadataTags {

    /** The kept tags, in tag order (DICOM JSON lists attributes in tag order). */
    public static final Set<Integer> KEPT = of(
            // file meta: the loader reads the transfer syntax from the metadata
            "TransferSyntaxUID",
            // SOP common, general study / series / image
            "SpecificCharacterSet", "ImageType", "SOPClassUID", "SOPInstanceUID", "StudyDate", "SeriesDate", "AcquisitionDate",
            "ContentDate", "StudyTime", "SeriesTime", "AcquisitionTime", "ContentTime", "AccessionNumber", "Modality", "Manufacturer",
            "ReferringPhysicianName", "StudyDescription", "SeriesDescription",
            // patient
            "PatientName", "PatientID", "PatientBirthDate", "PatientSex", "PatientAge", "PatientSize", "PatientWeight",
            // acquisition / geometry
            "BodyPartExamined", "SliceThickness", "SpacingBetweenSlices", "FrameTime", "EstimatedRadiographicMagnificationFactor",
            "ImagerPixelSpacing", "PatientPosition", "StudyInstanceUID", "SeriesInstanceUID", "StudyID", "SeriesNumber",
            "AcquisitionNumber", "InstanceNumber", "PatientOrientation", "ImagePositionPatient", "ImageOrientationPatient",
            "FrameOfReferenceUID", "SliceLocation",
            // image pixel, multi-frame, LUTs
            "SamplesPerPixel", "PhotometricInterpretation", "PlanarConfiguration", "NumberOfFrames", "FrameIncrementPointer", "Rows",
            "Columns", "PixelSpacing", "PixelAspectRatio", "BitsAllocated", "BitsStored", "HighBit", "PixelRepresentation",
            "SmallestImagePixelValue", "LargestImagePixelValue", "PixelPaddingValue", "PixelIntensityRelationship",
            "PixelIntensityRelationshipSign", "WindowCenter", "WindowWidth", "RescaleIntercept", "RescaleSlope", "RescaleType",
            "WindowCenterWidthExplanation", "VOILUTFunction", "RedPaletteColorLookupTableDescriptor",
            "GreenPaletteColorLookupTableDescriptor", "BluePaletteColorLookupTableDescriptor", "RedPaletteColorLookupTableData",
            "GreenPaletteColorLookupTableData", "BluePaletteColorLookupTableData", "LossyImageCompression",
            "LossyImageCompressionRatio", "LossyImageCompressionMethod",
            // RT dose grid (multi-frame dose): frame offsets and the scaling of stored values
            "DoseUnits", "DoseType", "DoseSummationType", "GridFrameOffsetVector", "DoseGridScaling");

    /** Values larger than 1 KiB kept anyway: palette colour lookup tables, needed to display PALETTE COLOR images. */
    static final Set<Integer> LARGE = of("RedPaletteColorLookupTableData", "GreenPaletteColorLookupTableData", "BluePaletteColorLookupTableData");

    private MetadataTags() {
    }

    public static boolean kept(int tag) {
        return KEPT.contains(tag);
    }

    private static Set<Integer> of(String... keywords) {
        var tags = new TreeSet<Integer>(Integer::compareUnsigned);
        for (String k : keywords) {
            tags.add(Dictionary.tag(k));
        }
        return Collections.unmodifiableSet(tags);
    }
}
