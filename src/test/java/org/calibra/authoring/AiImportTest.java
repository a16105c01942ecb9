package org.calibra.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.calibra.casebank.aiobjects.AiFile;
import org.calibra.casebank.aiobjects.AiFileResult;
import org.calibra.casebank.aiobjects.AiObjects;
import org.calibra.casebank.aiobjects.AiRegion;
import org.calibra.casebank.aiobjects.AiSlice;
import org.calibra.casebank.aiobjects.Mark;
import org.calibra.casebank.aiobjects.Point;
import org.junit.jupiter.api.Test;

/** How an AI object's findings become marks, and what the educator reads about each file before adding it. */
class AiImportTest {

    private static AiRegion region(String label, Double probability) {
        return new AiRegion(label, null, null, null, null, 1, probability, List.of(
                new AiSlice(3, List.of(new Point(10, 10), new Point(20, 10), new Point(20, 20)), new Mark(16.66, 13.33, probability), 50, 0),
                new AiSlice(4, List.of(new Point(10, 10), new Point(30, 10), new Point(30, 30)), new Mark(23.33, 16.66, probability), 200, 0)),
                List.of(), List.of());
    }

    @Test
    void a_finding_is_one_mark_on_its_largest_outline_with_the_cases_label_it_matches() {
        var f = AiImport.mark(region("CPA Mass", 0.7), List.of("vascular-loop", "cpa-mass"));
        assertThat(f.label()).isEqualTo("cpa-mass");
        assertThat(f.imageIndex()).isEqualTo(4);
        assertThat(f.x()).isEqualTo(23.3);
        assertThat(f.probability()).isEqualTo(0.7);
    }

    @Test
    void a_label_the_case_lacks_is_kept_as_a_slug_and_a_missing_probability_becomes_one() {
        var f = AiImport.mark(region("Nodule (solid)", null), List.of("cpa-mass"));
        assertThat(f.label()).isEqualTo("nodule-solid");
        assertThat(f.probability()).isEqualTo(1.0);
    }

    @Test
    void a_corrupted_file_and_a_png_without_its_image_are_described_in_words() {
        var results = AiObjects.readAll(List.of(new AiFile("segmentation.dcm", "not dicom at all".getBytes())),
                List.of(new org.calibra.casebank.aiobjects.CaseImage("1.2.3", 64, 64)));
        var png = AiObjects.heatmap("heat.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, 5, List.of(new org.calibra.casebank.aiobjects.CaseImage("1.2.3", 64, 64)));
        var described = AiImport.describe(List.of(results.getFirst(), png), 1);
        assertThat(described).extracting(AiImportFile::usable).containsExactly(false, false);
        assertThat(described.get(0).details()).allSatisfy(d -> assertThat(d).doesNotContain("Exception"));
        assertThat(described.get(1).details()).contains("The heatmap is meant for image 6, but the case has 1 images.");
    }

    @Test
    void a_mapped_file_is_summed_up_with_marks_contours_and_images() {
        var mapped = new AiFileResult.Mapped("seg.dcm", new org.calibra.casebank.aiobjects.AiObject(
                org.calibra.casebank.aiobjects.AiObject.Kind.SEGMENTATION, "1.2", "NoduleFinder", List.of(region("Nodule", null)), null,
                List.of(), List.of(), List.of()));
        var d = AiImport.describe(List.of(mapped), 12).getFirst();
        assertThat(d.summary()).isEqualTo("1 mark, 2 contours on images 4 to 5 of 12");
        assertThat(d.details()).containsExactly("“Nodule”: a mark on image 5 at x 23.3, y 16.7, no probability given (it will be 1.0: change it)");
    }
}
