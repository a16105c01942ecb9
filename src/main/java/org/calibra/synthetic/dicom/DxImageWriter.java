package org.calibra.synthetic.dicom;

import static org.calibra.dicom.Tags.*;

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
        var ds = SyntheticStudy.monochrome12(study.common(DX_FOR_PRESENTATION, 0, "DX", "Synthetic chest PA"), p.rows(), p.columns())
                .putStrings(ImageType, "ORIGINAL", "PRIMARY")
                .putStrings(PresentationIntentType, "FOR PRESENTATION")
                .putStrings(PatientOrientation, "L", "F")
                .putStrings(ImageLaterality, "U")
                .putSequence(AnatomicRegionSequence, SyntheticStudy.chestRegion())
                .putStrings(ViewPosition, "PA")
                .putSequence(ViewCodeSequence, List.of(SyntheticStudy.code("399348003", "postero-anterior")))
                .putStrings(PositionerType, "")
                .putStrings(DetectorType, "DIRECT")
                .putDecimals(ImagerPixelSpacing, ps, ps)
                .putDecimals(PixelSpacing, ps, ps)
                .putDecimals(KVP, 125)
                .putDecimals(DistanceSourceToDetector, 1800)
                .putDecimals(DistanceSourceToPatient, 1650)
                .putStrings(LossyImageCompression, "00")
                .putStrings(PixelIntensityRelationship, "LIN")
                .putInts(PixelIntensityRelationshipSign, 1)
                .putDecimals(RescaleIntercept, 0)
                .putDecimals(RescaleSlope, 1)
                .putStrings(RescaleType, "US")
                .putDecimals(WindowCenter, 2000)
                .putDecimals(WindowWidth, 3600)
                .putStrings(PresentationLUTShape, "IDENTITY")
                .putSequence(AcquisitionContextSequence, List.of())
                .putWords(PixelData, pixels);
        return SyntheticStudy.write(ds);
    }
}
