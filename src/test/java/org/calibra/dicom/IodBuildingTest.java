package org.calibra.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adding an IOD is building a {@link DataSet} and writing it (the next issue writes DICOM SEG and SR TID 1500 for AI
 * results): nested sequences, multi-valued and binary values, written by {@link Part10Writer}, read back by
 * {@link DicomReader} as built, and accepted by dcmtk's dcmdump and dicom3tools' dciodvfy.
 */
class IodBuildingTest {

    private static final String BASIC_TEXT_SR = "1.2.840.10008.5.1.4.1.1.88.11";

    private static int t(String keyword) {
        return Dictionary.tag(keyword);
    }

    private static DataSet code(String value, String scheme, String meaning) {
        return new DataSet().putStrings(Tags.CodeValue, value).putStrings(Tags.CodingSchemeDesignator, scheme).putStrings(Tags.CodeMeaning, meaning);
    }

    /** Two levels of nesting, multi-valued text, integers, tags and doubles, OB of odd length, OW. */
    static DataSet everyKindOfValue() {
        DataSet reference = new DataSet()
                .putStrings(t("ReferencedSOPClassUID"), "1.2.840.10008.5.1.4.1.1.2")
                .putStrings(t("ReferencedSOPInstanceUID"), "2.25.1234567")
                .putInts(t("ReferencedFrameNumber"), 1, 3, 5)
                .putSequence(t("PurposeOfReferenceCodeSequence"), List.of(code("121311", "DCM", "Localizer")));
        return new DataSet()
                .putStrings(Tags.SOPClassUID, "1.2.840.10008.5.1.4.1.1.7")
                .putStrings(Tags.SOPInstanceUID, "2.25.42")
                .putStrings(Tags.ImageType, "DERIVED", "SECONDARY")
                .putSequence(t("ReferencedImageSequence"), List.of(reference, new DataSet().putStrings(t("ReferencedSOPInstanceUID"), "2.25.7")))
                .putDecimals(Tags.PixelSpacing, 0.5, 0.25)
                .putInts(Tags.Rows, 2)
                .putInts(t("LUTDescriptor"), 256, 0, 16)
                .putInts(t("FrameIncrementPointer"), 0x00181063)
                .putFloats(t("DiffusionGradientOrientation"), 1, 0, -0.5)
                .putBytes(t("EncapsulatedDocument"), "OB", new byte[] {'%', 'P', 'D'})
                .putWords(t("RedPaletteColorLookupTableData"), new short[] {0, 1, (short) 0xFFFF});
    }

    @Test
    void a_data_set_is_read_back_as_it_was_built(@TempDir Path tmp) throws Exception {
        DataSet built = everyKindOfValue();
        byte[] file = Part10Writer.write(built, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        DataSet read = DicomReader.read(file).data();

        assertThat(Part10Writer.encode(read)).isEqualTo(Part10Writer.encode(built));
        DataSet first = read.get(t("ReferencedImageSequence")).items().getFirst();
        assertThat(first.get(t("PurposeOfReferenceCodeSequence")).items().getFirst().string(Tags.CodeMeaning)).isEqualTo("Localizer");
        assertThat(first.string(t("ReferencedFrameNumber"))).isEqualTo("1\\3\\5");
        assertThat(read.get(t("LUTDescriptor")).longs()).containsExactly(256, 0, 16);
        assertThat(read.get(t("FrameIncrementPointer")).longs()).containsExactly(0x00181063L);
        assertThat(read.get(t("DiffusionGradientOrientation")).doubles()).containsExactly(1, 0, -0.5);
        assertThat(read.get(t("EncapsulatedDocument")).value()).containsExactly('%', 'P', 'D', 0); // padded to even length
        assertThat(read.get(t("RedPaletteColorLookupTableData")).value()).containsExactly(0, 0, 1, 0, 0xFF, 0xFF); // OW, little endian

        Path written = tmp.resolve("built.dcm");
        Files.write(written, file);
        var dump = ReferenceFiles.run("dcmdump", "-q", "+L", written.toString());
        assertThat(dump.exit()).as(dump.output()).isZero();
        assertThat(dump.output()).doesNotContain("E: ").doesNotContain("W: ")
                .contains("(0008,1140) SQ (Sequence with explicit length #=2)")
                .contains("(0040,a170) SQ (Sequence with explicit length #=1)")
                .contains("(0008,0104) LO [Localizer]")
                .contains("(0008,1160) IS [1\\3\\5]")
                .contains("(0028,3002) US 256\\0\\16")
                .contains("(0028,0009) AT (0018,1063)")
                .contains("(0018,9089) FD 1\\0\\-0.5")
                .contains("(0028,1201) OW 0000\\0001\\ffff");
    }

    @Test
    void values_an_attribute_cannot_hold_are_refused_when_building() {
        assertThatThrownBy(() -> new DataSet().putInts(Tags.Rows, 70_000)).hasMessageContaining("(0028,0010) Rows: 70000 does not fit VR US");
        assertThatThrownBy(() -> new DataSet().putStrings(Tags.Rows, "2")).hasMessageContaining("has VR US, not a text VR");
        assertThatThrownBy(() -> new DataSet().putStrings(Tags.PatientName, "Ω")).hasMessageContaining("U+3a9");
        assertThatThrownBy(() -> new DataSet().putDecimals(Tags.Rows, 1)).hasMessageContaining("not DS");
        assertThatThrownBy(() -> new DataSet().putSequence(Tags.Rows, List.of())).hasMessageContaining("not SQ");
        assertThatThrownBy(() -> Dictionary.tag("NoSuchKeyword")).hasMessageContaining("not a keyword");
    }

    /** A Basic Text SR (PS3.3 A.35.1) with a container in a container: an IOD in about twenty lines. */
    static DataSet basicTextSr() {
        DataSet finding = new DataSet()
                .putStrings(t("RelationshipType"), "CONTAINS")
                .putStrings(t("ValueType"), "TEXT")
                .putSequence(t("ConceptNameCodeSequence"), List.of(code("121071", "DCM", "Finding")))
                .putStrings(t("TextValue"), "Nodule, 8 mm, right lower lobe");
        DataSet findings = new DataSet()
                .putStrings(t("RelationshipType"), "CONTAINS")
                .putStrings(t("ValueType"), "CONTAINER")
                .putSequence(t("ConceptNameCodeSequence"), List.of(code("121070", "DCM", "Findings")))
                .putStrings(t("ContinuityOfContent"), "SEPARATE")
                .putSequence(t("ContentSequence"), List.of(finding));
        return new DataSet()
                .putStrings(Tags.SpecificCharacterSet, "ISO_IR 100")
                .putStrings(Tags.SOPClassUID, BASIC_TEXT_SR)
                .putStrings(Tags.SOPInstanceUID, Uids.fromName("calibra-test", "sr", "instance"))
                .putStrings(Tags.StudyDate, "20261205").putStrings(Tags.StudyTime, "120000")
                .putStrings(Tags.ContentDate, "20261205").putStrings(Tags.ContentTime, "120000")
                .putStrings(Tags.AccessionNumber, "").putStrings(Tags.Modality, "SR").putStrings(Tags.Manufacturer, "Calibra")
                .putStrings(Tags.ReferringPhysicianName, "")
                .putSequence(t("ReferencedPerformedProcedureStepSequence"), List.of())
                .putStrings(Tags.PatientName, "TEST^SR").putStrings(Tags.PatientID, "SR-1").putStrings(Tags.PatientBirthDate, "")
                .putStrings(Tags.PatientSex, "O")
                .putStrings(Tags.StudyInstanceUID, Uids.fromName("calibra-test", "sr", "study"))
                .putStrings(Tags.SeriesInstanceUID, Uids.fromName("calibra-test", "sr", "series"))
                .putStrings(Tags.StudyID, "1").putInts(Tags.SeriesNumber, 1).putInts(Tags.InstanceNumber, 1)
                .putStrings(t("ValueType"), "CONTAINER")
                .putSequence(t("ConceptNameCodeSequence"), List.of(code("18748-4", "LN", "Diagnostic Imaging Report")))
                .putStrings(t("ContinuityOfContent"), "SEPARATE")
                .putStrings(t("CompletionFlag"), "COMPLETE")
                .putStrings(t("VerificationFlag"), "UNVERIFIED")
                .putSequence(t("PerformedProcedureCodeSequence"), List.of())
                .putSequence(t("ContentSequence"), List.of(findings));
    }

    @Test
    void a_basic_text_sr_built_as_a_data_set_is_valid_for_dciodvfy(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("sr.dcm");
        Files.write(file, Part10Writer.write(basicTextSr(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));

        var result = ReferenceFiles.run("dciodvfy", file.toString());

        assertThat(result.output()).as(result.output()).contains("BasicTextSR").doesNotContain("Error");
        assertThat(DicomReader.read(Files.readAllBytes(file)).data().get(t("ContentSequence")).items().getFirst()
                .get(t("ContentSequence")).items().getFirst().string(t("TextValue"))).isEqualTo("Nodule, 8 mm, right lower lobe");
    }
}
