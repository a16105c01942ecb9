package org.calibra.synthetic.dicom;

import static org.calibra.synthetic.dicom.DicomDictionary.*;

import java.util.List;
import org.calibra.synthetic.Recipe.RadiographParameters;

/**
 * A Digital X-Ray Image Storage - For Presentation instance (1.2.840.10008.5.1.4.1.1.1.1): the shared study
 * modules plus DX Series, DX Anatomy Imaged, DX Image, DX Detector (imager pixel spacing), DX Positioning
 * (PA) and VOI LUT. 16 bits allocated, 12 stored, MONOCHROME2, linear, identity presentation LUT.
 */
public final class DxImageWriter {

    public static final String DX_FOR_PRESENTATION = "1.2.840.10008.5.1.4.1.1.1.1";

    private DxImageWriter() {
    }

    public static byte[] image(SyntheticStudy study, RadiographParameters p, short[] pixels) {
        double ps = p.pixelSpacingMm();
        var ds = study.common(DX_FOR_PRESENTATION, 0, "DX", "Synthetic chest PA")
                .text(ImageType, "ORIGINAL", "PRIMARY")
                .text(PresentationIntentType, "FOR PRESENTATION")
                .text(PatientOrientation, "L", "F")
                .text(ImageLaterality, "U")
                .sequence(AnatomicRegionSequence, SyntheticStudy.chestRegion())
                .text(ViewPosition, "PA")
                .sequence(ViewCodeSequence, List.of(new DicomDataset().text(CodeValue, "399348003")
                        .text(CodingSchemeDesignator, "SCT").text(CodeMeaning, "postero-anterior")))
                .text(PositionerType, "")
                .text(DetectorType, "DIRECT")
                .decimals(ImagerPixelSpacing, ps, ps)
                .decimals(PixelSpacing, ps, ps)
                .decimals(KVP, 125)
                .decimals(DistanceSourceToDetector, 1800)
                .decimals(DistanceSourceToPatient, 1650)
                .integer(SamplesPerPixel, 1)
                .text(PhotometricInterpretation, "MONOCHROME2")
                .integer(Rows, p.rows())
                .integer(Columns, p.columns())
                .integer(BitsAllocated, 16)
                .integer(BitsStored, 12)
                .integer(HighBit, 11)
                .integer(PixelRepresentation, 0)
                .text(BurnedInAnnotation, "NO")
                .text(LossyImageCompression, "00")
                .text(PixelIntensityRelationship, "LIN")
                .integer(PixelIntensityRelationshipSign, 1)
                .decimals(RescaleIntercept, 0)
                .decimals(RescaleSlope, 1)
                .text(RescaleType, "US")
                .decimals(WindowCenter, 2000)
                .decimals(WindowWidth, 3600)
                .text(PresentationLUTShape, "IDENTITY")
                .sequence(AcquisitionContextSequence, List.of())
                .words(PixelData, pixels);
        return DicomWriter.write(ds);
    }
}
