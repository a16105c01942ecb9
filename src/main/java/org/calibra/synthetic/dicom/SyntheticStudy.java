package org.calibra.synthetic.dicom;

import static org.calibra.dicom.Tags.*;

import java.util.List;
import org.calibra.dicom.DataSet;
import org.calibra.dicom.Part10Writer;
import org.calibra.dicom.TransferSyntax;
import org.calibra.dicom.Uids;
import org.calibra.synthetic.Recipe;
import org.calibra.synthetic.phantom.Rng;

/**
 * The identity of a synthetic study: a fictional patient (name "SYNTHETIC^<case-id>", no real person), dates
 * and UIDs, all derived from the case id and seed. It builds the modules every image shares: SOP Common,
 * Patient (with Patient Identity Removed = YES), General Study, General Series, General Equipment, and the
 * monochrome Image Pixel attributes; {@link #write} writes an image with the codec's {@link Part10Writer}.
 */
public record SyntheticStudy(String caseId, long seed, String patientId, String sex, int age, String studyDate,
                             String studyTime, String studyUid, String seriesUid, String frameOfReferenceUid) {

    public static final String SOFTWARE = Recipe.GENERATOR + " " + Recipe.GENERATOR_VERSION;
    /** The generator's own implementation identity in the file meta group (part of the pinned bytes, ADR 0008). */
    public static final Part10Writer.Implementation IMPLEMENTATION =
            new Part10Writer.Implementation(Uids.fromName("calibra-synthetic", "implementation"), "CALIBRA_SYN_1");

    public static SyntheticStudy of(String caseId, long seed, Rng rng) {
        String s = Long.toString(seed);
        int age = 45 + rng.nextInt(35);
        int month = 1 + rng.nextInt(12), day = 1 + rng.nextInt(28);
        int minutes = 8 * 60 + rng.nextInt(9 * 60);
        return new SyntheticStudy(caseId, seed, "SYN-" + Uids.fromName(Recipe.GENERATOR, caseId, s, "patient").substring(5, 17),
                rng.chance(0.5) ? "F" : "M", age, String.format("2025%02d%02d", month, day),
                String.format("%02d%02d00", minutes / 60, minutes % 60),
                Uids.fromName(Recipe.GENERATOR, caseId, s, "study"), Uids.fromName(Recipe.GENERATOR, caseId, s, "series"),
                Uids.fromName(Recipe.GENERATOR, caseId, s, "frame-of-reference"));
    }

    public String instanceUid(int index) {
        return Uids.fromName(Recipe.GENERATOR, caseId, Long.toString(seed), "instance", Integer.toString(index));
    }

    /** Modules shared by every image of the series. {@code description} must not name a finding. */
    public DataSet common(String sopClass, int index, String modality, String description) {
        int birthYear = Integer.parseInt(studyDate.substring(0, 4)) - age;
        return new DataSet()
                .putStrings(SpecificCharacterSet, "ISO_IR 100")
                .putStrings(SOPClassUID, sopClass)
                .putStrings(SOPInstanceUID, instanceUid(index))
                .putStrings(InstanceCreationDate, studyDate)
                .putStrings(InstanceCreationTime, studyTime)
                .putStrings(StudyDate, studyDate)
                .putStrings(SeriesDate, studyDate)
                .putStrings(AcquisitionDate, studyDate)
                .putStrings(ContentDate, studyDate)
                .putStrings(StudyTime, studyTime)
                .putStrings(SeriesTime, studyTime)
                .putStrings(AcquisitionTime, studyTime)
                .putStrings(ContentTime, studyTime)
                .putStrings(AccessionNumber, "")
                .putStrings(Modality, modality)
                .putStrings(Manufacturer, org.calibra.synthetic.SyntheticCases.MANUFACTURER)
                .putStrings(ManufacturerModelName, Recipe.GENERATOR)
                .putStrings(SoftwareVersions, SOFTWARE)
                .putStrings(InstitutionName, "Synthetic - not a patient")
                .putStrings(ReferringPhysicianName, "")
                .putStrings(StudyDescription, "Synthetic chest " + ("CT".equals(modality) ? "CT" : "radiograph"))
                .putStrings(SeriesDescription, description)
                .putStrings(PatientName, "SYNTHETIC^" + caseId.toUpperCase(java.util.Locale.ROOT).replace('-', ' '))
                .putStrings(PatientID, patientId)
                .putStrings(PatientBirthDate, String.format("%04d0101", birthYear))
                .putStrings(PatientSex, sex)
                .putStrings(PatientAge, String.format("%03dY", age))
                .putStrings(PatientIdentityRemoved, "YES")
                .putStrings(DeidentificationMethod, "Synthetic image, no patient data")
                .putStrings(BodyPartExamined, "CHEST")
                .putStrings(StudyInstanceUID, studyUid)
                .putStrings(SeriesInstanceUID, seriesUid)
                .putStrings(StudyID, "1")
                .putStrings(SeriesNumber, "1")
                .putStrings(AcquisitionNumber, "1")
                .putStrings(InstanceNumber, Integer.toString(index + 1));
    }

    /** Code sequence item for the anatomic region "Chest" (SNOMED CT 43799004). */
    public static List<DataSet> chestRegion() {
        return List.of(code("43799004", "Chest"));
    }

    /** A SNOMED CT code sequence item. */
    static DataSet code(String value, String meaning) {
        return new DataSet().putStrings(CodeValue, value).putStrings(CodingSchemeDesignator, "SCT").putStrings(CodeMeaning, meaning);
    }

    /** Image Pixel: one sample, MONOCHROME2, 16 bits allocated, 12 stored, unsigned; no burned-in annotation. */
    static DataSet monochrome12(DataSet ds, int rows, int columns) {
        return ds.putInts(SamplesPerPixel, 1)
                .putStrings(PhotometricInterpretation, "MONOCHROME2")
                .putInts(Rows, rows)
                .putInts(Columns, columns)
                .putInts(BitsAllocated, 16)
                .putInts(BitsStored, 12)
                .putInts(HighBit, 11)
                .putInts(PixelRepresentation, 0)
                .putStrings(BurnedInAnnotation, "NO");
    }

    /** The Part 10 file of an image: explicit VR little endian, with the generator's implementation identity. */
    static byte[] write(DataSet ds) {
        return Part10Writer.write(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, IMPLEMENTATION);
    }
}
