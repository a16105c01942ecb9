package org.calibra.authoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.calibra.casebank.content.CaseManifest;

/**
 * The stack an educator chose from a draft's series: which series, in which order, and within each series the order of its
 * images — by Instance Number (the default, as the scanner numbered them) or by slice position (along the slice normal,
 * for series whose numbering does not follow the anatomy). Checked here, whatever the page sent: every series named is the
 * draft's, none twice, at least one; the result names only stored files. Plain Java.
 */
public final class StackOrder {

    public enum ImageOrder {
        INSTANCE_NUMBER("by Instance Number"), SLICE_POSITION("by slice position");

        public final String words;

        ImageOrder(String words) {
            this.words = words;
        }
    }

    /** One series of the chosen stack, in stack order. */
    public record Choice(String seriesKey, ImageOrder order) {}

    private StackOrder() {
    }

    /** The manifest's images list for {@code choices}; throws {@link DraftRefused} with why in words when it cannot be built. */
    public static List<CaseManifest.ImageEntry> entries(List<DraftSeries> series, List<Choice> choices, Map<String, String> storedFiles) {
        if (choices == null || choices.isEmpty()) {
            throw new DraftRefused("Choose at least one series for the stack.");
        }
        Map<String, DraftSeries> byKey = series.stream().collect(Collectors.toMap(DraftSeries::key, Function.identity()));
        Set<String> seen = new HashSet<>();
        List<CaseManifest.ImageEntry> out = new ArrayList<>();
        for (Choice c : choices) {
            DraftSeries s = byKey.get(c.seriesKey());
            if (s == null) {
                throw new DraftRefused("The stack names a series this draft does not have ('" + c.seriesKey() + "'); reload the page.");
            }
            if (!seen.add(s.key())) {
                throw new DraftRefused(s.words() + " is in the stack twice; choose each series once.");
            }
            ImageOrder order = c.order() == null ? ImageOrder.INSTANCE_NUMBER : c.order();
            if (order == ImageOrder.SLICE_POSITION && !s.hasPositions()) {
                throw new DraftRefused(s.words() + ": its images do not say where their slices lie (no Image Position and Orientation);"
                        + " order it by Instance Number.");
            }
            for (DraftSeries.Image i : ordered(s, order)) {
                if (!storedFiles.containsKey(i.file())) {
                    throw new DraftRefused("'" + i.file() + "' is not among the draft's stored files; upload the case again.");
                }
                out.add(new CaseManifest.ImageEntry(i.file(), null, i.frames() > 1 ? "all" : null));
            }
        }
        return out;
    }

    /** The series' images in {@code order}; ties (and images without a number) fall back to the file name. */
    public static List<DraftSeries.Image> ordered(DraftSeries s, ImageOrder order) {
        Comparator<DraftSeries.Image> by = order == ImageOrder.SLICE_POSITION
                ? Comparator.comparing(DraftSeries.Image::position, Comparator.nullsLast(Comparator.naturalOrder()))
                : Comparator.comparing(DraftSeries.Image::instanceNumber, Comparator.nullsLast(Comparator.naturalOrder()));
        return s.images().stream().sorted(by.thenComparing(DraftSeries.Image::file)).toList();
    }
}
