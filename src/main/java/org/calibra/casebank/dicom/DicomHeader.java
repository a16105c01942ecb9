package org.calibra.casebank.dicom;

import java.util.Collections;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.calibra.dicom.Element;
import org.calibra.dicom.PixelDataLocation;
import org.calibra.shared.PatientPlane;

/**
 * The attributes of a DICOM Part 10 file that Calibra needs to place a case's images and marks:
 * identity, geometry and whether pixel data is present. Everything else stays in the file.
 * {@code plane} is null when the file does not say where the image lies in the patient (or says it
 * per frame, as enhanced multi-frame objects do). Made by {@link DicomHeaders} from the codec's header-only
 * read, or by {@link DicomJsonHeader} from an archive's DICOM JSON.
 */
public record DicomHeader(
        String transferSyntaxUid,
        String sopClassUid,
        String sopInstanceUid,
        String studyInstanceUid,
        String seriesInstanceUid,
        String modality,
        int rows,
        int columns,
        int numberOfFrames,
        Double rowSpacingMm,
        Double columnSpacingMm,
        boolean hasPixelData,
        Map<String, String> descriptions,
        PatientPlane plane,
        Map<Integer, Element> attributes,
        PixelDataLocation pixelData) {

    /**
     * {@code descriptions}: free-text attributes a viewer shows or parses, by name with their tag, e.g. "StudyDescription (0008,1030)".
     * {@code attributes}: the top-level attributes of {@link MetadataTags} the file holds, by tag in tag order (DICOMweb metadata),
     * values little endian as the codec holds them.
     * {@code pixelData}: where the pixel data and each frame lie in the file (DICOMweb frames); null for archive instances.
     */
    public DicomHeader {
        descriptions = Map.copyOf(descriptions);
        attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    /** An attribute's text value (string VRs), or null when absent. */
    public String text(int tag) {
        Element a = attributes.get(tag);
        return a == null ? null : a.text();
    }

    public OptionalDouble rowSpacing() {
        return rowSpacingMm == null ? OptionalDouble.empty() : OptionalDouble.of(rowSpacingMm);
    }

    public OptionalDouble columnSpacing() {
        return columnSpacingMm == null ? OptionalDouble.empty() : OptionalDouble.of(columnSpacingMm);
    }
}
