package org.calibra.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.calibra.authoring.StackOrder.Choice;
import org.calibra.authoring.StackOrder.ImageOrder;
import org.calibra.casebank.content.CaseManifest.ImageEntry;
import org.junit.jupiter.api.Test;

/** The chosen stack: series in the chosen order, images by Instance Number or slice position, and every entry a stored file. */
class StackOrderTest {

    // instance numbers run head to foot while slice positions run the other way; one file has no number
    private static final DraftSeries AXIAL = new DraftSeries("s2/a.dcm", 2, "CT", 64, 64, List.of(
            new DraftSeries.Image("s2/a.dcm", 1, 2, 10.0),
            new DraftSeries.Image("s2/b.dcm", 1, 1, 20.0),
            new DraftSeries.Image("s2/c.dcm", 1, null, 5.0)), 0, true);
    private static final DraftSeries SCOUT = new DraftSeries("s1/x.dcm", 1, "CT", 32, 32, List.of(
            new DraftSeries.Image("s1/x.dcm", 4, 1, null)), -1, false);
    private static final Map<String, String> STORED = Map.of("s2/a.dcm", "1", "s2/b.dcm", "2", "s2/c.dcm", "3", "s1/x.dcm", "4");

    @Test
    void series_follow_the_chosen_order_and_images_their_instance_number_by_default() {
        var entries = StackOrder.entries(List.of(AXIAL, SCOUT), List.of(new Choice("s1/x.dcm", null), new Choice("s2/a.dcm", ImageOrder.INSTANCE_NUMBER)), STORED);
        assertThat(entries).containsExactly(new ImageEntry("s1/x.dcm", null, "all"), new ImageEntry("s2/b.dcm", null, null),
                new ImageEntry("s2/a.dcm", null, null), new ImageEntry("s2/c.dcm", null, null));
    }

    @Test
    void slice_position_orders_along_the_slice_normal() {
        var entries = StackOrder.entries(List.of(AXIAL, SCOUT), List.of(new Choice("s2/a.dcm", ImageOrder.SLICE_POSITION)), STORED);
        assertThat(entries).extracting(ImageEntry::file).containsExactly("s2/c.dcm", "s2/a.dcm", "s2/b.dcm");
    }

    @Test
    void a_series_left_out_is_not_in_the_stack() {
        var entries = StackOrder.entries(List.of(AXIAL, SCOUT), List.of(new Choice("s2/a.dcm", null)), STORED);
        assertThat(entries).extracting(ImageEntry::file).doesNotContain("s1/x.dcm");
    }

    @Test
    void what_the_page_cannot_have_sent_honestly_is_refused_in_words() {
        assertThatThrownBy(() -> StackOrder.entries(List.of(AXIAL), List.of(), STORED)).isInstanceOf(DraftRefused.class)
                .hasMessage("Choose at least one series for the stack.");
        assertThatThrownBy(() -> StackOrder.entries(List.of(AXIAL), List.of(new Choice("nope.dcm", null)), STORED))
                .hasMessageContaining("a series this draft does not have ('nope.dcm')");
        assertThatThrownBy(() -> StackOrder.entries(List.of(AXIAL), List.of(new Choice("s2/a.dcm", null), new Choice("s2/a.dcm", null)), STORED))
                .hasMessage("Series 2 · CT · 3 images · 64 × 64 pixels is in the stack twice; choose each series once.");
        assertThatThrownBy(() -> StackOrder.entries(List.of(SCOUT), List.of(new Choice("s1/x.dcm", ImageOrder.SLICE_POSITION)), STORED))
                .hasMessageContaining("do not say where their slices lie");
        assertThatThrownBy(() -> StackOrder.entries(List.of(AXIAL), List.of(new Choice("s2/a.dcm", null)), Map.of("s2/a.dcm", "1")))
                .hasMessageContaining("'s2/b.dcm' is not among the draft's stored files");
    }

    @Test
    void a_series_reads_in_words() {
        assertThat(SCOUT.words()).isEqualTo("Series 1 · CT · 4 images · 32 × 32 pixels");
        assertThat(AXIAL.inStack()).isTrue();
        assertThat(SCOUT.inStack()).isFalse();
    }
}
