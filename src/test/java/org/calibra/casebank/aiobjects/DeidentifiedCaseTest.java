package org.calibra.casebank.aiobjects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.calibra.casebank.aiobjects.Fixtures.file;
import static org.calibra.casebank.aiobjects.Fixtures.mapped;
import static org.calibra.casebank.aiobjects.Fixtures.refused;
import static org.calibra.casebank.aiobjects.Fixtures.t;

import java.util.List;
import org.calibra.dicom.DataSet;
import org.calibra.dicom.deid.DeidReport;
import org.calibra.dicom.deid.Deidentifier;
import org.calibra.dicom.deid.UidMapper;
import org.junit.jupiter.api.Test;

/**
 * An imported case's images carry de-identified UIDs (ADR 0012) while the AI product referred to the originals: given the
 * de-identifier's keyed UID mapping, references match the case's images as mapped — by SOP Instance UID, and by frame of
 * reference for frames placed by their plane.
 */
class DeidentifiedCaseTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();

    private final Fixtures fx = new Fixtures();

    private List<CaseImage> deidentifiedImages() {
        var deidentifier = new Deidentifier(SECRET);
        return fx.ct.images().stream().map(image -> {
            DataSet copy = Fixtures.copy(image);
            deidentifier.apply(copy, "ct.dcm", new DeidReport());
            return CaseImage.of(copy, 0);
        }).toList();
    }

    @Test
    void references_to_the_original_uids_match_the_images_through_the_keyed_mapping() {
        List<CaseImage> images = deidentifiedImages();
        assertThat(images.getFirst().sopInstanceUid()).isNotEqualTo(fx.images.getFirst().sopInstanceUid());
        DataSet byPlane = fx.seg();
        Fixtures.editItems(byPlane, "PerFrameFunctionalGroupsSequence", fg -> {
            fg.remove(t("DerivationImageSequence"));
            return fg;
        });

        var mapper = new UidMapper(SECRET);
        List<AiFileResult> results = AiObjects.readAll(List.of(file("seg.dcm", fx.seg()), file("sr.dcm", fx.sr()), file("plane.dcm", byPlane)),
                images, mapper::map);

        SegmentationRoundTripTest.assertWritten(mapped(results.get(0)).regions().get(1), fx.mass);
        assertThat(mapped(results.get(1)).regions()).extracting(r -> r.firstImage()).containsExactly(3, 2);
        assertThat(mapped(results.get(2)).regions()).hasSize(2);

        assertThat(refused(AiObjects.read(file("seg.dcm", fx.seg()), images))).singleElement().asString()
                .contains("0 of the case's 6 images matched");
        assertThat(refused(AiObjects.read(file("plane.dcm", byPlane), images))).allSatisfy(p -> assertThat(p)
                .contains("lies on none of the case's images (no image of the same orientation and frame of reference"));
    }

    @Test
    void the_basic_profile_would_empty_a_report_which_is_why_references_are_mapped_instead() {
        DataSet sr = fx.sr();
        new Deidentifier(SECRET).apply(sr, "sr.dcm", new DeidReport());

        assertThat(sr.contains(t("ContentSequence"))).as("PS3.15 E.1-1: Content Sequence X").isFalse();
    }
}
