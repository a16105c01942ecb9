package org.calibra.synthetic.dicom;

import static org.calibra.dicom.Tags.*;

import org.calibra.dicom.Vrs;
import org.calibra.synthetic.Recipe.CtParameters;
import org.calibra.synthetic.phantom.ChestCtVolume;

/**
 * One CT Image Storage instance (1.2.840.10008.5.1.4.1.1.2) per axial slice: the shared study modules plus
 * Frame of Reference, Image Plane (position per slice, axial orientation, spacing, thickness), Image Pixel
 * (16-bit allocated, 12 stored, unsigned), CT Image (ImageType, rescale to HU, KVP) and VOI LUT (lung and
 * mediastinal windows).
 */
public final class CtImageWriter {

    public static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";

    private CtImageWriter() {
    }

    public static byte[] slice(SyntheticStudy study, CtParameters p, ChestCtVolume volume, int k, short[] pixels) {
        double ps = p.pixelSpacingMm();
        double x0 = volume.xMm(0.5), y0 = volume.yMm(0.5), z = volume.zOf(k);
        String description = "Synthetic chest CT " + Vrs.decimalString(p.sliceSpacingMm()) + " mm";
        var ds = SyntheticStudy.monochrome12(study.common(CT_IMAGE_STORAGE, k, "CT", description), p.rows(), p.columns())
                .putStrings(ImageType, "ORIGINAL", "PRIMARY", "AXIAL")
                .putStrings(PatientPosition, "HFS")
                .putStrings(FrameOfReferenceUID, study.frameOfReferenceUid())
                .putStrings(PositionReferenceIndicator, "")
                .putDecimals(ImagePositionPatient, x0, y0, z)
                .putDecimals(ImageOrientationPatient, 1, 0, 0, 0, 1, 0)
                .putDecimals(PixelSpacing, ps, ps)
                .putDecimals(SliceThickness, p.sliceSpacingMm())
                .putDecimals(SliceLocation, z)
                .putDecimals(KVP, 120)
                .putDecimals(ReconstructionDiameter, ps * p.columns())
                .putStrings(ConvolutionKernel, "STANDARD")
                .putDecimals(RescaleIntercept, ChestCtVolume.RESCALE_INTERCEPT)
                .putDecimals(RescaleSlope, 1)
                .putStrings(RescaleType, "HU")
                .putDecimals(WindowCenter, -600, 40)
                .putDecimals(WindowWidth, 1500, 400)
                .putStrings(WindowCenterWidthExplanation, "LUNG", "MEDIASTINUM")
                .putWords(PixelData, pixels);
        return SyntheticStudy.write(ds);
    }
}
