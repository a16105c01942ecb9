package org.calibra.casebank.aiobjects;

import java.util.Map;

/** SOP classes an uploaded AI object may be, and the names radiologists know other files by. */
final class SopClasses {

    static final String SEGMENTATION = "1.2.840.10008.5.1.4.1.1.66.4";
    static final String LABEL_MAP_SEGMENTATION = "1.2.840.10008.5.1.4.1.1.66.7";
    static final String ENHANCED_SR = "1.2.840.10008.5.1.4.1.1.88.22";
    static final String COMPREHENSIVE_SR = "1.2.840.10008.5.1.4.1.1.88.33";
    static final String COMPREHENSIVE_3D_SR = "1.2.840.10008.5.1.4.1.1.88.34";
    static final String EXTENSIBLE_SR = "1.2.840.10008.5.1.4.1.1.88.35";
    static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";
    static final String MULTIFRAME_GRAYSCALE_BYTE_SC = "1.2.840.10008.5.1.4.1.1.7.2";
    static final String MULTIFRAME_GRAYSCALE_WORD_SC = "1.2.840.10008.5.1.4.1.1.7.3";
    static final String PARAMETRIC_MAP = "1.2.840.10008.5.1.4.1.1.30";
    static final String CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2";

    /** A name radiologists know, and what to do instead when the object could hold an AI result in another form. */
    record Name(String name, String hint) {}

    private static final Map<String, Name> NAMES = Map.ofEntries(
            name("1.2.840.10008.5.1.4.1.1.1", "a computed radiography image"),
            name("1.2.840.10008.5.1.4.1.1.1.1", "a digital radiograph"),
            name("1.2.840.10008.5.1.4.1.1.1.1.1", "a digital radiograph (for processing)"),
            name("1.2.840.10008.5.1.4.1.1.1.2", "a mammogram"),
            name("1.2.840.10008.5.1.4.1.1.1.2.1", "a mammogram (for processing)"),
            name("1.2.840.10008.5.1.4.1.1.13.1.3", "a breast tomosynthesis image"),
            name(CT_IMAGE, "a CT image"),
            name("1.2.840.10008.5.1.4.1.1.2.1", "an enhanced CT image"),
            name("1.2.840.10008.5.1.4.1.1.4", "an MR image"),
            name("1.2.840.10008.5.1.4.1.1.4.1", "an enhanced MR image"),
            name("1.2.840.10008.5.1.4.1.1.6.1", "an ultrasound image"),
            name("1.2.840.10008.5.1.4.1.1.3.1", "an ultrasound cine loop"),
            name("1.2.840.10008.5.1.4.1.1.20", "a nuclear medicine image"),
            name("1.2.840.10008.5.1.4.1.1.128", "a PET image"),
            name("1.2.840.10008.5.1.4.1.1.481.1", "an RT image"),
            name("1.2.840.10008.5.1.4.1.1.481.2", "an RT dose"),
            Map.entry("1.2.840.10008.5.1.4.1.1.481.3", new Name("an RT structure set (contours)",
                    "Structure set contours are not read yet: export the AI result as a segmentation (SEG) or a measurement report (SR).")),
            name("1.2.840.10008.5.1.4.1.1.481.5", "an RT plan"),
            Map.entry("1.2.840.10008.5.1.4.1.1.11.1", new Name("a presentation state (GSPS)",
                    "Its annotations are not read: export the AI result as a measurement report (SR).")),
            name("1.2.840.10008.5.1.4.1.1.104.1", "an encapsulated PDF"),
            name("1.2.840.10008.5.1.4.1.1.9.1.1", "an ECG waveform"),
            Map.entry("1.2.840.10008.5.1.4.1.1.66.5", new Name("a surface segmentation (meshes)", "Only image segmentations (SEG) are read.")),
            Map.entry("1.2.840.10008.5.1.4.1.1.88.11", new Name("a Basic Text SR", "A Basic Text SR cannot hold image coordinates.")),
            Map.entry("1.2.840.10008.5.1.4.1.1.88.50", new Name("a Mammography CAD SR",
                    "Mammography CAD reports are not read yet; only TID 1500 measurement reports are.")),
            Map.entry("1.2.840.10008.5.1.4.1.1.88.65", new Name("a Chest CAD SR", "Chest CAD reports are not read yet; only TID 1500 measurement reports are.")),
            name("1.2.840.10008.5.1.4.1.1.88.59", "a key object selection (key images)"),
            name("1.2.840.10008.5.1.4.1.1.88.67", "a radiation dose report"),
            name("1.2.840.10008.5.1.4.1.1.88.68", "a radiopharmaceutical dose report"));

    private static Map.Entry<String, Name> name(String uid, String name) {
        return Map.entry(uid, new Name(name, null));
    }

    private SopClasses() {
    }

    static boolean isSegmentation(String uid) {
        return SEGMENTATION.equals(uid) || LABEL_MAP_SEGMENTATION.equals(uid);
    }

    /** The SR classes that can hold a TID 1500 measurement report with image coordinates. */
    static boolean isMeasurementReportClass(String uid) {
        return ENHANCED_SR.equals(uid) || COMPREHENSIVE_SR.equals(uid) || COMPREHENSIVE_3D_SR.equals(uid) || EXTENSIBLE_SR.equals(uid);
    }

    static boolean isHeatmapClass(String uid) {
        return SECONDARY_CAPTURE.equals(uid) || MULTIFRAME_GRAYSCALE_BYTE_SC.equals(uid) || MULTIFRAME_GRAYSCALE_WORD_SC.equals(uid)
                || PARAMETRIC_MAP.equals(uid);
    }

    /** "a CT image", or a neutral description for classes without a name here; with a hint, or none. */
    static Name describe(String uid, String modality) {
        Name name = NAMES.get(uid);
        if (name != null) {
            return name;
        }
        return new Name("a DICOM object of SOP class " + uid + (modality == null || modality.isBlank() ? "" : " (modality " + modality.trim() + ")"), null);
    }

    /** The name of a compressed transfer syntax, for messages. */
    static String compression(String transferSyntax) {
        if (transferSyntax.equals("1.2.840.10008.1.2.5")) {
            return "RLE";
        }
        if (transferSyntax.matches("1\\.2\\.840\\.10008\\.1\\.2\\.4\\.(5\\d|70)")) {
            return "JPEG";
        }
        if (transferSyntax.matches("1\\.2\\.840\\.10008\\.1\\.2\\.4\\.8\\d")) {
            return "JPEG-LS";
        }
        if (transferSyntax.matches("1\\.2\\.840\\.10008\\.1\\.2\\.4\\.9\\d")) {
            return "JPEG 2000";
        }
        if (transferSyntax.startsWith("1.2.840.10008.1.2.4.20")) {
            return "HTJ2K";
        }
        return "transfer syntax " + transferSyntax;
    }
}
