package org.calibra.synthetic.dicom;

import static org.calibra.synthetic.dicom.DicomDictionary.*;

import java.util.List;
import org.calibra.synthetic.Recipe;
import org.calibra.synthetic.phantom.Rng;

/**
 * The identity of a synthetic study: a fictional patient (name "SYNTHETIC^<case-id>", no real person), dates
 * and UIDs, all derived from the case id and seed. It writes the modules every image shares: SOP Common,
 * Patient (with Patient Identity Removed = YES), General Study, General Series, General Equipment.
 */
public record SyntheticStudy(String caseId, long seed, String patientId, String sex, int age, String studyDate,
                             String studyTime, String studyUid, String seriesUid, String frameOfReferenceUid) {

    public static final String SOFTWARE = Recipe.GENERATOR + " " + Recipe.GENERATOR_VERSION;

    public static SyntheticStudy of(String caseId, long seed, Rng rng) {
        String s = Long.toString(seed);
        int age = 45 + rng.nextInt(35);
        int month = 1 + rng.nextInt(12), day = 1 + rng.nextInt(28);
        int minutes = 8 * 60 + rng.nextInt(9 * 60);
        return new SyntheticStudy(caseId, seed, "SYN-" + Uids.uid(Recipe.GENERATOR, caseId, s, "patient").substring(5, 17),
                rng.chance(0.5) ? "F" : "M", age, String.format("2025%02d%02d", month, day),
                String.format("%02d%02d00", minutes / 60, minutes % 60),
                Uids.uid(Recipe.GENERATOR, caseId, s, "study"), Uids.uid(Recipe.GENERATOR, caseId, s, "series"),
                Uids.uid(Recipe.GENERATOR, caseId, s, "frame-of-reference"));
    }

    public String instanceUid(int index) {
        return Uids.uid(Recipe.GENERATOR, caseId, Long.toString(seed), "instance", Integer.toString(index));
    }

    /** Modules shared by every image of the series. {@code description} must not name a finding. */
    public DicomDataset common(String sopClass, int index, String modality, String description) {
        int birthYear = Integer.parseInt(studyDate.substring(0, 4)) - age;
        return new DicomDataset()
                .text(SpecificCharacterSet, "ISO_IR 100")
                .text(SOPClassUID, sopClass)
                .text(SOPInstanceUID, instanceUid(index))
                .text(InstanceCreationDate, studyDate)
                .text(InstanceCreationTime, studyTime)
                .text(StudyDate, studyDate)
                .text(SeriesDate, studyDate)
                .text(AcquisitionDate, studyDate)
                .text(ContentDate, studyDate)
                .text(StudyTime, studyTime)
                .text(SeriesTime, studyTime)
                .text(AcquisitionTime, studyTime)
                .text(ContentTime, studyTime)
                .text(AccessionNumber, "")
                .text(Modality, modality)
                .text(Manufacturer, "Calibra synthetic phantom")
                .text(ManufacturerModelName, Recipe.GENERATOR)
                .text(SoftwareVersions, SOFTWARE)
                .text(InstitutionName, "Synthetic - not a patient")
                .text(ReferringPhysicianName, "")
                .text(StudyDescription, "Synthetic chest " + ("CT".equals(modality) ? "CT" : "radiograph"))
                .text(SeriesDescription, description)
                .text(PatientName, "SYNTHETIC^" + caseId.toUpperCase(java.util.Locale.ROOT).replace('-', ' '))
                .text(PatientID, patientId)
                .text(PatientBirthDate, String.format("%04d0101", birthYear))
                .text(PatientSex, sex)
                .text(PatientAge, String.format("%03dY", age))
                .text(PatientIdentityRemoved, "YES")
                .text(DeidentificationMethod, "Synthetic image, no patient data")
                .text(BodyPartExamined, "CHEST")
                .text(StudyInstanceUID, studyUid)
                .text(SeriesInstanceUID, seriesUid)
                .text(StudyID, "1")
                .text(SeriesNumber, "1")
                .text(AcquisitionNumber, "1")
                .text(InstanceNumber, Integer.toString(index + 1));
    }

    /** Code sequence item for the anatomic region "Chest" (SNOMED CT 43799004). */
    public static List<DicomDataset> chestRegion() {
        return List.of(new DicomDataset().text(CodeValue, "43799004").text(CodingSchemeDesignator, "SCT").text(CodeMeaning, "Chest"));
    }
}
