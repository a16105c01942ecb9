package org.calibra.casebank.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.calibra.dicom.DicomException;
import org.calibra.dicom.DicomReader;
import org.calibra.dicom.ReferenceFiles;
import org.junit.jupiter.api.Test;

/** What the codec says about broken files, told in words an educator acts on: no byte offsets, a way out. */
class DicomProblemWordsTest {

    private static String wordsFor(byte[] file) {
        try {
            DicomReader.read(file);
            throw new AssertionError("the codec read a broken file");
        } catch (DicomException e) {
            return DicomProblemWords.of(e.getMessage());
        }
    }

    @Test
    void a_jpeg_or_text_file_is_not_a_dicom_image() {
        assertThat(wordsFor("\u00ff\u00d8\u00ff\u00e0 a JPEG, not DICOM".repeat(10).getBytes()))
                .isEqualTo("is not a DICOM image (no 'DICM' marker at its start): export the images from the PACS or viewer as DICOM files,"
                        + " not as JPEG, PNG, PDF or screenshots");
        assertThat(wordsFor(new byte[3])).as("even a file of three bytes").startsWith("is not a DICOM image").doesNotContain("byte");
    }

    @Test
    void a_file_cut_off_while_copying_is_incomplete() throws Exception {
        byte[] ct = Files.readAllBytes(ReferenceFiles.pydicom("CT_small.dcm"));
        for (int cut : new int[] {140, ct.length / 3, ct.length - 100}) {
            assertThat(wordsFor(java.util.Arrays.copyOf(ct, cut))).as("cut at %d", cut)
                    .startsWith("is an incomplete DICOM file: it ends early").endsWith("export or copy it again").doesNotContain("byte");
        }
    }

    @Test
    void a_header_with_an_offset_is_damaged_and_words_are_kept_as_they_are() {
        assertThat(DicomProblemWords.of("element (0010,0010) PatientName at byte 344 has VR 'QQ', which is not a DICOM VR"))
                .isEqualTo("is a damaged DICOM file: its header cannot be read at element (0010,0010); export it again from the PACS or viewer");
        assertThat(DicomProblemWords.of("Rows (0028,0010) and Columns (0028,0011) must be present and > 0, found 0 x 0"))
                .isEqualTo("Rows (0028,0010) and Columns (0028,0011) must be present and > 0, found 0 x 0");
        assertThat(DicomProblemWords.of("unsupported encoding: transfer syntax '1.2.3' is not one Calibra reads (implicit/explicit VR …)"))
                .isEqualTo("is a DICOM image in an encoding Calibra cannot read (transfer syntax 1.2.3); export it uncompressed or as JPEG,"
                        + " JPEG-LS, JPEG 2000 or RLE");
    }
}
