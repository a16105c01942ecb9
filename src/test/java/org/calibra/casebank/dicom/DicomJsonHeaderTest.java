package org.calibra.casebank.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Headers of archive instances from DICOM JSON, and the stack order truth coordinates of archive cases refer to. */
class DicomJsonHeaderTest {

    private static String instance(String sop, String z, int number) {
        return """
                {"00080018":{"vr":"UI","Value":["%s"]},"0020000D":{"vr":"UI","Value":["1.2.3"]},"0020000E":{"vr":"UI","Value":["1.2.3.4"]},
                 "00080060":{"vr":"CS","Value":["CT"]},"00280010":{"vr":"US","Value":[512]},"00280011":{"vr":"US","Value":[256]},
                 "00280030":{"vr":"DS","Value":[0.7,0.8]},"00200013":{"vr":"IS","Value":[%d]},
                 "00200032":{"vr":"DS","Value":[-100,-100,%s]},"00200037":{"vr":"DS","Value":[1,0,0,0,1,0]},
                 "00281052":{"vr":"DS","Value":[-1024]},"00100010":{"vr":"PN","Value":[{"Alphabetic":"Doe^Jane"}]},
                 "00081190":{"vr":"UR","Value":["http://archive/secret"]},"7FE00010":{"vr":"OW","BulkDataURI":"http://archive/bulk"}}
                """.formatted(sop, number, z);
    }

    @Test
    void the_header_holds_the_archives_values_of_the_served_attributes_only() throws Exception {
        var h = DicomJsonHeader.series("[" + instance("1.1", "10", 1) + "]").getFirst();
        assertThat(h.rows()).isEqualTo(512);
        assertThat(h.columns()).isEqualTo(256);
        assertThat(h.rowSpacingMm()).isEqualTo(0.7);
        assertThat(h.plane().pz()).isEqualTo(10.0);
        assertThat(h.text(0x00281052)).isEqualTo("-1024");
        assertThat(h.text(0x00100010)).as("the archive's patient name is not de-identified here, so it is dropped").isNull();
        assertThat(h.attributes()).doesNotContainKeys(0x00081190, 0x7FE00010); // the archive's URLs stay out
        assertThat(h.transferSyntaxUid()).isEqualTo("1.2.840.10008.1.2.1");
        assertThat(h.pixelData()).isNull();
    }

    @Test
    void slices_go_from_the_largest_position_along_the_normal_down_whatever_the_archives_order() throws Exception {
        var headers = DicomJsonHeader.series("[" + String.join(",", instance("1.3", "-5", 3), instance("1.1", "5", 9), instance("1.2", "0", 2)) + "]");
        assertThat(headers.stream().map(DicomHeader::sopInstanceUid).toList()).containsExactly("1.1", "1.2", "1.3");
    }

    @Test
    void without_geometry_instance_numbers_decide() throws Exception {
        String a = instance("1.9", "0", 2).replace("\"00200032\":{\"vr\":\"DS\",\"Value\":[-100,-100,0]},", "");
        String b = instance("1.8", "0", 1).replace("\"00200032\":{\"vr\":\"DS\",\"Value\":[-100,-100,0]},", "");
        assertThat(DicomJsonHeader.series("[" + a + "," + b + "]").stream().map(DicomHeader::sopInstanceUid).toList()).isEqualTo(List.of("1.8", "1.9"));
    }

    @Test
    void unusable_metadata_is_refused_with_what_is_missing() {
        assertThatThrownBy(() -> DicomJsonHeader.series("[]")).hasMessageContaining("non-empty JSON array");
        assertThatThrownBy(() -> DicomJsonHeader.series("<html>")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> DicomJsonHeader.series("[" + instance("1.1", "0", 1).replace("\"00280010\":{\"vr\":\"US\",\"Value\":[512]},", "") + "]"))
                .hasMessageContaining("Rows (0028,0010)");
    }
}
