package org.calibra.synthetic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.calibra.shared.content.ContentException;
import org.calibra.shared.content.ContentProblem;
import org.calibra.synthetic.Recipe.CtParameters;
import org.calibra.synthetic.Recipe.Lesion;
import org.calibra.synthetic.Recipe.Nodule;
import org.calibra.synthetic.Recipe.RadiographParameters;
import org.calibra.synthetic.ai.Heatmaps;
import org.calibra.synthetic.ai.SimulatedAi;
import org.calibra.synthetic.ai.SimulatedAi.Mark;
import org.calibra.synthetic.ai.SimulatedAi.Spot;
import org.calibra.synthetic.ai.SimulatedAi.Target;
import org.calibra.synthetic.dicom.CtImageWriter;
import org.calibra.synthetic.dicom.DxImageWriter;
import org.calibra.synthetic.dicom.SyntheticStudy;
import org.calibra.synthetic.phantom.BranchingTree;
import org.calibra.synthetic.phantom.ChestCtVolume;
import org.calibra.synthetic.phantom.ChestRadiograph;
import org.calibra.synthetic.phantom.Rng;

/**
 * Turns a {@link Recipe} into files (DICOM images and AI heatmap PNGs), the exact truth and the simulated
 * AI's output. The same recipe gives the same bytes on every machine: all randomness comes from
 * {@link Rng} forks of the seed and all floating point from IEEE operations and {@link StrictMath}.
 */
public final class SyntheticCaseGenerator {

    /** A truth finding, in the content format's terms. */
    public record Finding(String id, String label, int imageIndex, int firstImage, int lastImage, double x, double y,
                          double radiusPx, String description) {}

    public record Heatmap(int imageIndex, String file) {}

    /** {@code files}: relative path to bytes, sorted; {@code images}: the stack in order. */
    public record Generated(Recipe recipe, SortedMap<String, byte[]> files, List<String> images, List<Finding> truth,
                            SimulatedAi.Output ai, List<Heatmap> heatmaps, SyntheticStudy study, String sha256) {}

    private SyntheticCaseGenerator() {
    }

    /** Generates everything; {@code file} names the case.yaml in errors (nodules outside the lungs). */
    public static Generated generate(Recipe recipe, String file) {
        Rng seed = new Rng(recipe.seed()).fork(recipe.caseId());
        SyntheticStudy study = SyntheticStudy.of(recipe.caseId(), recipe.seed(), seed.fork("study"));
        SortedMap<String, byte[]> files = new TreeMap<>();
        List<String> images = new ArrayList<>();
        List<Finding> truth = new ArrayList<>();
        Function<Rng, Spot> falseSpots;
        int rows, cols;
        if (recipe.parameters() instanceof CtParameters p) {
            rows = p.rows();
            cols = p.columns();
            var volume = new ChestCtVolume(p, seed.fork("volume"));
            checkNodules(p, volume, file);
            for (int k = 0; k < p.slices(); k++) {
                String name = String.format("image-%03d.dcm", k);
                files.put(name, CtImageWriter.slice(study, p, volume, k, volume.slice(k)));
                images.add(name);
            }
            for (Nodule n : p.nodules()) {
                int[] range = volume.sliceRange(n);
                truth.add(new Finding(n.id(), label(n.diameterMm()), n.slice(), range[0], range[1], n.x(), n.y(),
                        n.diameterMm() / 2 / p.pixelSpacingMm(), describe(n, p)));
            }
            falseSpots = rng -> ctFalseSpot(rng, p, volume, truth);
        } else {
            RadiographParameters p = (RadiographParameters) recipe.parameters();
            rows = p.rows();
            cols = p.columns();
            var image = new ChestRadiograph(p, seed.fork("radiograph"));
            checkLesions(p, image, file);
            files.put("image.dcm", DxImageWriter.image(study, p, image.render()));
            images.add("image.dcm");
            for (Lesion l : p.lesions()) {
                truth.add(new Finding(l.id(), label(l.diameterMm()), 0, 0, 0, l.x(), l.y(), l.diameterMm() / 2 / p.pixelSpacingMm(),
                        describe(l, p)));
            }
            falseSpots = rng -> dxFalseSpot(rng, p, image, truth);
        }
        List<Target> targets = truth.stream().map(f -> new Target(f.id(), f.imageIndex(), f.firstImage(), f.lastImage(), f.x(), f.y(), f.radiusPx())).toList();
        var ai = SimulatedAi.run(recipe.ai(), targets, falseSpots, seed.fork("ai"));
        List<Heatmap> heatmaps = new ArrayList<>();
        Map<Integer, List<Mark>> byImage = new TreeMap<>();
        ai.marks().forEach(m -> byImage.computeIfAbsent(m.imageIndex(), k -> new ArrayList<>()).add(m));
        byImage.forEach((index, marks) -> {
            String name = String.format("ai-heatmap-%03d.png", index);
            files.put(name, Heatmaps.png(marks, rows, cols));
            heatmaps.add(new Heatmap(index, name));
        });
        return new Generated(recipe, files, images, truth, ai, heatmaps, study, listingSha256(files));
    }

    /** Lesions of more than 30 mm are masses, smaller ones nodules (Fleischner glossary). */
    static String label(double diameterMm) {
        return diameterMm > 30 ? "mass" : "nodule";
    }

    private static void checkNodules(CtParameters p, ChestCtVolume volume, String file) {
        var problems = new ArrayList<ContentProblem>();
        for (int i = 0; i < p.nodules().size(); i++) {
            Nodule n = p.nodules().get(i);
            if (!volume.inLung(n.x(), n.y(), n.slice())) {
                problems.add(new ContentProblem(file, "synthetic.parameters.nodules[" + i + "]",
                        "centre (x " + n.x() + ", y " + n.y() + ", slice " + n.slice() + ") is not inside a lung of this phantom; move it into a lung field"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ContentException(problems);
        }
    }

    private static void checkLesions(RadiographParameters p, ChestRadiograph image, String file) {
        var problems = new ArrayList<ContentProblem>();
        for (int i = 0; i < p.lesions().size(); i++) {
            Lesion l = p.lesions().get(i);
            if (image.lungCm(image.xMm(l.x()), image.yMm(l.y())) <= 0) {
                problems.add(new ContentProblem(file, "synthetic.parameters.lesions[" + i + "]",
                        "centre (x " + l.x() + ", y " + l.y() + ") is not inside a lung field of this phantom"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ContentException(problems);
        }
    }

    /** A false mark on a vessel seen end-on or crossing the slice, away from every true lesion. */
    private static Spot ctFalseSpot(Rng rng, CtParameters p, ChestCtVolume volume, List<Finding> truth) {
        List<BranchingTree.Segment> tree = volume.tree();
        for (int attempt = 0; attempt < 200; attempt++) {
            var s = tree.get(rng.nextInt(tree.size()));
            if (s.airway() || s.r() < 0.9) {
                continue;
            }
            double t = rng.uniform();
            double x = s.ax() + t * (s.bx() - s.ax()), y = s.ay() + t * (s.by() - s.ay()), z = s.az() + t * (s.bz() - s.az());
            int slice = (int) Math.round(((p.slices() - 1) / 2.0 * p.sliceSpacingMm() - z) / p.sliceSpacingMm());
            double xPx = volume.xPx(x), yPx = volume.yPx(y);
            if (slice < 0 || slice >= p.slices() || !volume.inLung(xPx, yPx, slice) || nearTruth(truth, slice, xPx, yPx)) {
                continue;
            }
            return new Spot(slice, round2(xPx), round2(yPx), Math.max(3, 2 * s.r() / p.pixelSpacingMm()), "a pulmonary vessel");
        }
        return null;
    }

    private static Spot dxFalseSpot(Rng rng, RadiographParameters p, ChestRadiograph image, List<Finding> truth) {
        for (int attempt = 0; attempt < 500; attempt++) {
            double x = rng.uniform(0, p.columns()), y = rng.uniform(0, p.rows());
            if (image.lungCm(image.xMm(x), image.yMm(y)) < 4 || nearTruth(truth, 0, x, y)) {
                continue;
            }
            return new Spot(0, round2(x), round2(y), 10 / p.pixelSpacingMm(), "overlapping rib and vessel shadows");
        }
        return null;
    }

    private static boolean nearTruth(List<Finding> truth, int image, double x, double y) {
        for (Finding f : truth) {
            boolean sameImages = image >= f.firstImage() - 2 && image <= f.lastImage() + 2;
            if (sameImages && Math.sqrt((x - f.x()) * (x - f.x()) + (y - f.y()) * (y - f.y())) < 3 * f.radiusPx() + 15) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Nodule n, CtParameters p) {
        String side = n.x() < p.columns() / 2.0 ? "right" : "left";
        String zone = n.slice() < p.slices() / 3 ? "upper" : n.slice() < 2 * p.slices() / 3 ? "middle" : "lower";
        return fmtMm(n.diameterMm()) + " mm " + n.density().yaml + " " + label(n.diameterMm()) + " in the " + zone + " part of the " + side + " lung";
    }

    private static String describe(Lesion l, RadiographParameters p) {
        String side = l.x() < p.columns() / 2.0 ? "right" : "left";
        String zone = l.y() < p.rows() * 0.4 ? "upper" : l.y() < p.rows() * 0.6 ? "middle" : "lower";
        return fmtMm(l.diameterMm()) + " mm " + label(l.diameterMm()) + " (contrast " + l.contrast() + ") in the " + side + " " + zone + " zone";
    }

    static String fmtMm(double mm) {
        return mm == Math.rint(mm) ? Long.toString((long) mm) : Double.toString(mm);
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /**
     * sha256 of the listing "&lt;sha256 of file&gt;  &lt;path&gt;\n" over all generated files sorted by path: the
     * same text {@code sha256sum} prints, so {@code LC_ALL=C sha256sum $(ls | sort) | sha256sum} checks it.
     */
    public static String listingSha256(SortedMap<String, byte[]> files) {
        var listing = new StringBuilder();
        files.forEach((name, bytes) -> listing.append(sha256(bytes)).append("  ").append(name).append('\n'));
        return sha256(listing.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
