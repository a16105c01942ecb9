package org.calibra.casebank.aiobjects;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Demo content: a small synthetic chest CT (12 slices of 128 × 128) with a "nodule", and the AI objects a product would
 * send with it — a binary SEG (the nodule over the slices it crosses, and a false-positive "nodule" on two slices), a
 * TID 1500 SR (the nodule as a polygon with finding, site, probability 0.87, long axis and margins; the false positive as a
 * point with probability 0.41; an overall probability 0.88) and an 8-bit grey PNG heatmap of the nodule's middle slice.
 * Deterministic: the same folder every time.
 *
 * <p>{@code java -cp target/classes org.calibra.casebank.aiobjects.DemoAiObjects <folder>} (the package needs only the codec).
 */
public final class DemoAiObjects {

    public static final String SEG = "ai-segmentation.dcm";
    public static final String SR = "ai-measurement-report.dcm";
    public static final String HEATMAP = "ai-heatmap.png";
    /** The image (stack index) the heatmap belongs to: the nodule's middle slice. */
    public static final int HEATMAP_IMAGE = 6;
    private static final int SLICES = 12;

    private DemoAiObjects() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: DemoAiObjects <output folder>");
            System.exit(2);
        }
        List<Path> written = write(Path.of(args[0]));
        written.forEach(p -> System.out.println(p));
    }

    /** Writes the series ({@code ct-01.dcm} …) and the AI objects into {@code folder}; returns the files written. */
    public static List<Path> write(Path folder) throws IOException {
        Files.createDirectories(folder);
        DemoCtSeries ct = new DemoCtSeries("calibra-demo-ai-objects", SLICES, 128, 6.0);
        List<Path> out = new ArrayList<>();
        List<byte[]> images = ct.files();
        for (int k = 0; k < images.size(); k++) {
            out.add(Files.write(folder.resolve(String.format("ct-%02d.dcm", k + 1)), images.get(k)));
        }
        List<CaseImage> stack = ct.caseImages();

        // the nodule: its true outline on every slice it crosses, as the AI draws it
        double[] centre = ct.noduleCentreMm();
        Map<Integer, List<Point>> nodule = new LinkedHashMap<>();
        int middle = -1;
        double largest = 0;
        for (int k = 0; k < stack.size(); k++) {
            double[] c = stack.get(k).plane().imagePoint(centre);
            double r = Math.sqrt(Math.max(0, Math.pow(ct.noduleRadiusMm(), 2) - Math.pow(c[2], 2))) / DemoCtSeries.PIXEL_SPACING_MM;
            if (r >= 1.5) {
                nodule.put(k, Geometry.circle(new Point(c[0], c[1]), r));
                if (r > largest) {
                    largest = r;
                    middle = k;
                }
            }
        }
        // a false positive: a "nodule" where there is none, on two slices
        Map<Integer, List<Point>> falsePositive = new LinkedHashMap<>();
        Point fp = new Point(34.5, 70.5);
        falsePositive.put(8, Geometry.circle(fp, 3.2));
        falsePositive.put(9, Geometry.circle(fp, 2.4));

        AiSeries segSeries = AiSeries.demo("calibra-demo-ai-objects/seg", 300, "NoduleFinder segmentation (fictional AI)");
        out.add(Files.write(folder.resolve(SEG), SegmentationWriter.write(ct.images(), List.of(
                SegmentationWriter.Segment.ofPolygons(1, "Nodule", SegmentationWriter.ABNORMAL, SegmentationWriter.NODULE, "Nodule 1",
                        SegmentationWriter.uid(segSeries, "tracking/1"), nodule, ct.size(), ct.size()),
                SegmentationWriter.Segment.ofPolygons(2, "Nodule", SegmentationWriter.ABNORMAL, SegmentationWriter.NODULE, "Nodule 2",
                        SegmentationWriter.uid(segSeries, "tracking/2"), falsePositive, ct.size(), ct.size())),
                SegmentationWriter.Kind.BINARY, segSeries)));

        if (middle != HEATMAP_IMAGE) {
            throw new IllegalStateException("the nodule's middle slice moved to " + middle);
        }
        List<Point> middleOutline = nodule.get(middle);
        out.add(Files.write(folder.resolve(SR), MeasurementReportWriter.write(ct.images(), List.of(
                new MeasurementReportWriter.Group("Nodule 1", SegmentationWriter.uid(segSeries, "tracking/1"), SegmentationWriter.NODULE,
                        SegmentationWriter.LUNG, List.of(MeasurementReportWriter.Region.polygon(middleOutline, middle)), 0.87,
                        List.of(new Measurement(new Code("103339001", "SCT", "Long axis"), Math.round(2 * largest * DemoCtSeries.PIXEL_SPACING_MM * 10) / 10.0,
                                MeasurementReportWriter.MILLIMETRE)),
                        List.of(new Evaluation(new Code("111037", "DCM", "Margins"), new Code("112136", "DCM", "Spiculated"), null))),
                new MeasurementReportWriter.Group("Nodule 2", SegmentationWriter.uid(segSeries, "tracking/2"), SegmentationWriter.NODULE,
                        SegmentationWriter.LUNG, List.of(MeasurementReportWriter.Region.point(fp, 8)), 0.41, List.of(), List.of())),
                0.88, AiSeries.demo("calibra-demo-ai-objects/sr", 301, "NoduleFinder report (fictional AI)"))));

        int side = 64;
        int[] heat = new int[side * side];
        double[] c = stack.get(middle).plane().imagePoint(centre);
        double scale = (double) side / ct.size();
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double d = Math.hypot((x + 0.5) / scale - c[0], (y + 0.5) / scale - c[1]);
                double d2 = Math.hypot((x + 0.5) / scale - fp.x(), (y + 0.5) / scale - fp.y());
                heat[y * side + x] = (int) Math.round(255 * Math.max(Math.exp(-d * d / 60), 0.45 * Math.exp(-d2 * d2 / 30)));
            }
        }
        out.add(Files.write(folder.resolve(HEATMAP), HeatmapPng.encode(heat, side, side)));
        return out;
    }
}
