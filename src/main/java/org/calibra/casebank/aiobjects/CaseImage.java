package org.calibra.casebank.aiobjects;

import org.calibra.dicom.DataSet;
import org.calibra.dicom.Dictionary;
import org.calibra.dicom.Tags;

/**
 * One position of a case's image stack, as the caller knows it: the list given to {@link AiObjects} is the expanded
 * stack, so an image's place in the list is its {@code imageIndex} (docs/content-format.md).
 *
 * @param sopInstanceUid the image's SOP Instance UID (of the stored, i.e. de-identified, file: AI objects must refer to
 *                       the same UIDs — de-identify them with the same key first, ADR 0019)
 * @param frame          0-based frame of a multi-frame image, as case.yaml's {@code frame}; 0 for a single-frame image.
 *                       DICOM's Referenced Frame Number n means frame n - 1
 * @param rows           Rows (0028,0010)
 * @param columns        Columns (0028,0011)
 * @param plane          where the image lies in the patient, or null when the image has no Image Plane attributes
 */
public record CaseImage(String sopInstanceUid, int frame, int rows, int columns, ImagePlane plane) {

    public CaseImage {
        if (sopInstanceUid == null || sopInstanceUid.isBlank()) {
            throw new IllegalArgumentException("a case image needs its SOP Instance UID");
        }
        if (frame < 0 || rows < 1 || columns < 1) {
            throw new IllegalArgumentException("frame " + frame + ", rows " + rows + ", columns " + columns + " of " + sopInstanceUid);
        }
        sopInstanceUid = sopInstanceUid.trim();
    }

    public CaseImage(String sopInstanceUid, int rows, int columns) {
        this(sopInstanceUid, 0, rows, columns, null);
    }

    /**
     * A case image from the header of its DICOM file (a codec data set) and a 0-based frame: SOP Instance UID, Rows,
     * Columns, and the plane — of that frame's per-frame functional groups, else the shared ones, else the top-level Image
     * Plane attributes; null when any of position, orientation and spacing is missing. An IllegalArgumentException when
     * the header has no SOP Instance UID, Rows or Columns (not an image).
     */
    public static CaseImage of(DataSet header, int frame) {
        Integer rows = header.integer(Tags.Rows), columns = header.integer(Tags.Columns);
        var perFrame = SegmentationReader.items(header, Dictionary.tag("PerFrameFunctionalGroupsSequence"));
        var fg = frame < perFrame.size() ? perFrame.get(frame) : null;
        var shared = SegmentationReader.firstItem(header, Dictionary.tag("SharedFunctionalGroupsSequence"));
        double[] position = planeValue(header, fg, shared, "PlanePositionSequence", Tags.ImagePositionPatient, 3);
        double[] orientation = planeValue(header, fg, shared, "PlaneOrientationSequence", Tags.ImageOrientationPatient, 6);
        double[] spacing = planeValue(header, fg, shared, "PixelMeasuresSequence", Tags.PixelSpacing, 2);
        String frameOfReference = header.string(Tags.FrameOfReferenceUID);
        ImagePlane plane = position != null && orientation != null && spacing != null && spacing[0] > 0 && spacing[1] > 0
                ? new ImagePlane(position, orientation, spacing, frameOfReference == null || frameOfReference.isBlank() ? null : frameOfReference.trim())
                : null;
        return new CaseImage(header.string(Tags.SOPInstanceUID), frame, rows == null ? 0 : rows, columns == null ? 0 : columns, plane);
    }

    private static double[] planeValue(DataSet top, DataSet fg, DataSet shared,
                                       String group, int tag, int count) {
        int groupTag = Dictionary.tag(group);
        for (var g : new DataSet[] {fg, shared}) {
            var item = SegmentationReader.firstItem(g, groupTag);
            if (item != null && item.decimals(tag).length == count) {
                return item.decimals(tag);
            }
        }
        double[] v = top.decimals(tag);
        return v.length == count ? v : null;
    }

    /**
     * Image Position (Patient) (0020,0032) of the frame's first pixel's centre, Image Orientation (Patient) (0020,0037) as row
     * then column direction cosines, Pixel Spacing (0028,0030) as row spacing (between rows) then column spacing, in mm; and
     * the Frame of Reference UID when known (null otherwise).
     */
    public record ImagePlane(double[] position, double[] orientation, double[] pixelSpacing, String frameOfReferenceUid) {

        public ImagePlane {
            if (position == null || position.length != 3 || orientation == null || orientation.length != 6
                    || pixelSpacing == null || pixelSpacing.length != 2 || !(pixelSpacing[0] > 0) || !(pixelSpacing[1] > 0)) {
                throw new IllegalArgumentException("an image plane needs 3 position values, 6 orientation values and 2 positive spacings");
            }
            position = position.clone();
            orientation = orientation.clone();
            pixelSpacing = pixelSpacing.clone();
        }

        @Override
        public double[] position() {
            return position.clone();
        }

        @Override
        public double[] orientation() {
            return orientation.clone();
        }

        @Override
        public double[] pixelSpacing() {
            return pixelSpacing.clone();
        }

        double[] rowDirection() {
            return new double[] {orientation[0], orientation[1], orientation[2]};
        }

        double[] columnDirection() {
            return new double[] {orientation[3], orientation[4], orientation[5]};
        }

        double[] normal() {
            return Geometry.cross(rowDirection(), columnDirection());
        }

        /** The patient point (mm) at image pixel coordinates (x, y), with (0, 0) the top-left corner of the top-left pixel. */
        double[] patientPoint(double x, double y) {
            double[] r = rowDirection(), c = columnDirection();
            double dx = (x - 0.5) * pixelSpacing[1], dy = (y - 0.5) * pixelSpacing[0];
            return new double[] {position[0] + r[0] * dx + c[0] * dy, position[1] + r[1] * dx + c[1] * dy, position[2] + r[2] * dx + c[2] * dy};
        }

        /** {x, y, distance from the plane in mm} of a patient point (mm). */
        double[] imagePoint(double[] p) {
            double[] d = {p[0] - position[0], p[1] - position[1], p[2] - position[2]};
            return new double[] {Geometry.dot(d, rowDirection()) / pixelSpacing[1] + 0.5, Geometry.dot(d, columnDirection()) / pixelSpacing[0] + 0.5,
                    Geometry.dot(d, normal())};
        }
    }
}
