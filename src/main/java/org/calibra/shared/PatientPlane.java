package org.calibra.shared;

/**
 * Where an image lies in the patient coordinate system (DICOM C.7.6.2): the centre of its first pixel
 * (Image Position (Patient) 0020,0032, mm) and the direction cosines of its rows and columns
 * (Image Orientation (Patient) 0020,0037).
 */
public record PatientPlane(double px, double py, double pz, double rowX, double rowY, double rowZ, double colX, double colY, double colZ) {

    /**
     * Patient coordinates (mm) of image point (x, y) in Calibra's convention, where pixel (c, r) covers
     * [c, c+1) x [r, r+1), so its centre — the point DICOM positions — is (c + 0.5, r + 0.5).
     *
     * @param rowSpacing    distance between rows (mm), the first value of Pixel Spacing
     * @param columnSpacing distance between columns (mm), the second value
     */
    public double[] toPatient(double x, double y, double rowSpacing, double columnSpacing) {
        double alongRow = (x - 0.5) * columnSpacing; // moving along a row changes the column
        double alongColumn = (y - 0.5) * rowSpacing;
        return new double[] {
                px + rowX * alongRow + colX * alongColumn,
                py + rowY * alongRow + colY * alongColumn,
                pz + rowZ * alongRow + colZ * alongColumn};
    }

    /** Parses the two attribute values (backslash-separated decimal strings); null if either is absent or malformed. */
    public static PatientPlane parse(String position, String orientation) {
        double[] p = decimals(position, 3);
        double[] o = decimals(orientation, 6);
        if (p == null || o == null) {
            return null;
        }
        return new PatientPlane(p[0], p[1], p[2], o[0], o[1], o[2], o[3], o[4], o[5]);
    }

    private static double[] decimals(String s, int count) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String[] parts = s.split("\\\\");
        if (parts.length != count) {
            return null;
        }
        double[] values = new double[count];
        try {
            for (int i = 0; i < count; i++) {
                values[i] = Double.parseDouble(parts[i].trim());
                if (!Double.isFinite(values[i])) {
                    return null;
                }
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return values;
    }
}
