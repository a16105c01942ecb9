package org.calibra.casebank.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.calibra.casebank.imports.BundleImporter.Instance;
import org.calibra.dicom.DataSet;
import org.calibra.dicom.Tags;
import org.calibra.shared.content.ContentProblem;

/**
 * Groups instances study → series → instances and checks that a series is one acquisition: the same
 * Rows × Columns and the same frame of reference in every image, and no instance twice. Studies keep the
 * order of their first file; series go by SeriesNumber; instances by InstanceNumber, then position along
 * the slice normal, then file name. Messages name files and series numbers, never UIDs or patient data.
 */
final class SeriesGrouping {

    private SeriesGrouping() {
    }

    static List<List<List<Instance>>> group(List<Instance> instances, String display, List<ContentProblem> problems) {
        List<Instance> sorted = instances.stream().sorted(BundleImporter.byName()).toList();
        Map<String, String> seenSop = new HashMap<>();
        Map<String, Map<String, List<Instance>>> studies = new LinkedHashMap<>();
        for (Instance i : sorted) {
            DataSet d = i.dicom().data();
            String other = seenSop.putIfAbsent(d.string(Tags.SOPInstanceUID), i.name());
            if (other != null) {
                problems.add(new ContentProblem(display + "/" + i.name(), "", "inconsistent series: the same SOPInstanceUID as '" + other
                        + "' (one image imported twice?)"));
                continue;
            }
            studies.computeIfAbsent(d.string(Tags.StudyInstanceUID), k -> new LinkedHashMap<>())
                    .computeIfAbsent(d.string(Tags.SeriesInstanceUID), k -> new ArrayList<>()).add(i);
        }
        List<List<List<Instance>>> out = new ArrayList<>();
        for (var study : studies.values()) {
            List<List<Instance>> series = new ArrayList<>(study.values());
            series.sort(Comparator.comparing((List<Instance> s) -> number(s.getFirst(), Tags.SeriesNumber), Comparator.nullsLast(Comparator.naturalOrder())));
            for (List<Instance> s : series) {
                check(s, display, problems);
                s.sort(Comparator.comparing((Instance i) -> number(i, Tags.InstanceNumber), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparingDouble(SeriesGrouping::alongNormal).thenComparing(Instance::name));
            }
            out.add(series);
        }
        return out;
    }

    private static void check(List<Instance> series, String display, List<ContentProblem> problems) {
        Instance first = series.getFirst();
        String size = size(first);
        String frame = first.dicom().data().string(Tags.FrameOfReferenceUID);
        Integer number = number(first, Tags.SeriesNumber);
        String which = "series " + (number == null ? "(no SeriesNumber)" : number) + " (first file '" + first.name() + "')";
        for (Instance i : series.subList(1, series.size())) {
            if (!size(i).equals(size)) {
                problems.add(new ContentProblem(display + "/" + i.name(), "Rows/Columns", "inconsistent series: " + size(i)
                        + " pixels, but " + which + " is " + size + "; one series must have one image size"));
            }
            if (!Objects.equals(i.dicom().data().string(Tags.FrameOfReferenceUID), frame)) {
                problems.add(new ContentProblem(display + "/" + i.name(), "FrameOfReferenceUID", "inconsistent series: a different frame"
                        + " of reference than " + which + "; one series must share one coordinate system"));
            }
        }
    }

    private static String size(Instance i) {
        return i.dicom().data().integer(Tags.Columns) + "x" + i.dicom().data().integer(Tags.Rows);
    }

    private static Integer number(Instance i, int tag) {
        return i.dicom().data().integer(tag);
    }

    /** Position along the slice normal (ImagePositionPatient · row × column direction), 0 when unknown. */
    private static double alongNormal(Instance i) {
        double[] o = i.dicom().data().decimals(Tags.ImageOrientationPatient);
        double[] p = i.dicom().data().decimals(Tags.ImagePositionPatient);
        if (o.length != 6 || p.length != 3) {
            return 0;
        }
        double nx = o[1] * o[5] - o[2] * o[4];
        double ny = o[2] * o[3] - o[0] * o[5];
        double nz = o[0] * o[4] - o[1] * o[3];
        return nx * p[0] + ny * p[1] + nz * p[2];
    }
}
