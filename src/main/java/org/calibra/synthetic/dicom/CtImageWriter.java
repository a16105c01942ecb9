package org.calibra.synthetic.dicom;

import static org.calibra.synthetic.dicom.DicomDictionary.*;

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
        var ds = study.common(CT_IMAGE_STORAGE, k, "CT", "Synthetic chest CT " + DicomDataset.ds(p.sliceSpacingMm()) + " mm")
                .text(ImageType, "ORIGINAL", "PRIMARY", "AXIAL")
                .text(PatientPosition, "HFS")
                .text(FrameOfReferenceUID, study.frameOfReferenceUid())
                .text(PositionReferenceIndicator, "")
                .decimals(ImagePositionPatient, x0, y0, z)
                .decimals(ImageOrientationPatient, 1, 0, 0, 0, 1, 0)
                .decimals(PixelSpacing, ps, ps)
                .decimals(SliceThickness, p.sliceSpacingMm())
                .decimals(SliceLocation, z)
                .decimals(KVP, 120)
                .decimals(ReconstructionDiameter, ps * p.columns())
                .text(ConvolutionKernel, "STANDARD")
                .integer(SamplesPerPixel, 1)
                .text(PhotometricInterpretation, "MONOCHROME2")
                .integer(Rows, p.rows())
                .integer(Columns, p.columns())
                .integer(BitsAllocated, 16)
                .integer(BitsStored, 12)
                .integer(HighBit, 11)
                .integer(PixelRepresentation, 0)
                .text(BurnedInAnnotation, "NO")
                .decimals(RescaleIntercept, ChestCtVolume.RESCALE_INTERCEPT)
                .decimals(RescaleSlope, 1)
                .text(RescaleType, "HU")
                .decimals(WindowCenter, -600, 40)
                .decimals(WindowWidth, 1500, 400)
                .text(WindowCenterWidthExplanation, "LUNG", "MEDIASTINUM")
                .words(PixelData, pixels);
        return DicomWriter.write(ds);
    }
}
