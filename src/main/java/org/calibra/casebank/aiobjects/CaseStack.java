package org.calibra.casebank.aiobjects;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The case's images as an object's references find them: by SOP Instance UID and frame, or by where a plane lies. Also
 * counts, for the one message about references the case lacks, which references failed and how many images matched.
 */
final class CaseStack {

    /** In-plane tolerance, as a fraction of a pixel, for a frame given only by its plane. */
    private static final double GRID_TOLERANCE_PX = 0.1;

    private final List<CaseImage> images;
    private final UnaryOperator<String> deidentified;
    private final Map<String, List<Integer>> byUid = new HashMap<>();
    private final double sliceTolerance;

    private final Set<String> missing = new LinkedHashSet<>();
    private final Set<Integer> matched = new TreeSet<>();

    CaseStack(List<CaseImage> images) {
        this(images, UnaryOperator.identity());
    }

    /**
     * @param deidentified how the case's images got their UIDs from the ones the AI product saw (the de-identifier's keyed
     *                     mapping for imported images, identity otherwise); a reference matches as written or as mapped
     */
    CaseStack(List<CaseImage> images, UnaryOperator<String> deidentified) {
        if (images == null || images.isEmpty()) {
            throw new IllegalArgumentException("the case has no images to map AI results onto");
        }
        this.images = List.copyOf(images);
        this.deidentified = deidentified;
        for (int i = 0; i < images.size(); i++) {
            byUid.computeIfAbsent(images.get(i).sopInstanceUid(), k -> new ArrayList<>()).add(i);
        }
        this.sliceTolerance = sliceTolerance(images);
    }

    int size() {
        return images.size();
    }

    CaseImage image(int index) {
        return images.get(index);
    }

    /**
     * The stack indices a reference means: the listed frames (1-based, DICOM's Referenced Frame Number) of the image, or
     * every frame the case holds of it when none is listed (a reference without frame numbers means all frames). Empty when
     * the case lacks the image or a listed frame; the reference is then remembered for {@link #missingReferences}.
     */
    List<Integer> resolve(String uid, int[] frameNumbers) {
        List<Integer> found = lookup(uid, frameNumbers);
        if (found.isEmpty()) {
            String key = uid == null || uid.isBlank() ? "(no UID)" : uid.trim();
            if (!lookup(key, null).isEmpty() && frameNumbers != null) {
                for (int n : frameNumbers) {
                    if (lookup(key, new int[] {n}).isEmpty()) {
                        missing.add(key + " frame " + n);
                    }
                }
            } else {
                missing.add(key);
            }
        } else {
            matched.addAll(found);
        }
        return found;
    }

    /** As {@link #resolve}, without remembering anything. */
    List<Integer> lookup(String uid, int[] frameNumbers) {
        String key = uid == null ? "" : uid.trim();
        List<Integer> candidates = byUid.getOrDefault(key, List.of());
        if (candidates.isEmpty() && !key.isEmpty()) {
            candidates = byUid.getOrDefault(deidentified.apply(key), List.of());
        }
        if (candidates.isEmpty() || frameNumbers == null || frameNumbers.length == 0) {
            return candidates;
        }
        List<Integer> out = new ArrayList<>();
        for (int n : frameNumbers) {
            for (int i : candidates) {
                if (images.get(i).frame() == n - 1) {
                    out.add(i);
                    break;
                }
            }
        }
        return out.size() == frameNumbers.length ? out : List.of();
    }

    /** Counts an image as matched by a reference. */
    void matched(int index) {
        matched.add(index);
    }

    /** Everything {@link #resolve} failed to find, in one sentence, or null when every reference was found. */
    String missingReferences(String object) {
        if (missing.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>(missing);
        String listed = String.join(", ", names.subList(0, Math.min(5, names.size())))
                + (names.size() > 5 ? " and " + (names.size() - 5) + " more" : "");
        return object + " refers to " + names.size() + (names.size() == 1 ? " image that this case does not have" : " images that this case does not have")
                + " (SOP Instance UID " + listed + "); " + matched.size() + " of the case's " + images.size() + " images matched its references."
                + " It was probably made on another series, or its references were not de-identified together with the images.";
    }

    /** The outcome of looking for a plane among the case's images: an index, or why none fits. */
    record PlaneMatch(int index, String problem) {}

    /**
     * The image that lies in the given plane with the same pixel grid: orientation within 0.001, the same position along the
     * normal within {@link #sliceTolerance} mm and in-plane within a tenth of a pixel, the same spacing and size.
     */
    PlaneMatch byPlane(double[] position, double[] orientation, double[] spacing, int rows, int columns, String frameOfReference) {
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        boolean anyPlane = false;
        for (int i = 0; i < images.size(); i++) {
            CaseImage.ImagePlane p = images.get(i).plane();
            if (p == null) {
                continue;
            }
            anyPlane = true;
            if (!sameFrameOfReference(frameOfReference, p.frameOfReferenceUid())) {
                continue;
            }
            if (!sameOrientation(p.orientation(), orientation)) {
                continue;
            }
            double[] at = p.imagePoint(position);
            if (Math.abs(at[2]) <= sliceTolerance && Math.abs(at[2]) < bestDistance) {
                best = i;
                bestDistance = Math.abs(at[2]);
            }
        }
        String where = "(" + mm(position[0]) + ", " + mm(position[1]) + ", " + mm(position[2]) + ") mm";
        if (!anyPlane) {
            return new PlaneMatch(-1, "only its plane position " + where + " is given, and the case's images carry no position to compare it with");
        }
        if (best < 0) {
            return new PlaneMatch(-1, "its plane at " + where + " lies on none of the case's images (no image of the same orientation"
                    + (frameOfReference != null ? " and frame of reference" : "") + " passes through it)");
        }
        CaseImage image = images.get(best);
        double[] at = image.plane().imagePoint(position);
        double[] s = image.plane().pixelSpacing();
        if (Math.abs(at[0] - 0.5) > GRID_TOLERANCE_PX || Math.abs(at[1] - 0.5) > GRID_TOLERANCE_PX
                || spacing == null || Math.abs(spacing[0] - s[0]) > 1e-3 * s[0] || Math.abs(spacing[1] - s[1]) > 1e-3 * s[1]
                || rows != image.rows() || columns != image.columns()) {
            return new PlaneMatch(-1, "its plane lies on image " + (best + 1) + " of the case but on a different pixel grid (its first pixel at "
                    + where + ", " + columns + " x " + rows + " pixels" + (spacing == null ? "" : " of " + mm(spacing[1]) + " x " + mm(spacing[0]) + " mm")
                    + "; the image: " + image.columns() + " x " + image.rows() + " pixels of " + mm(s[1]) + " x " + mm(s[0]) + " mm); resampling is not supported");
        }
        matched.add(best);
        return new PlaneMatch(best, null);
    }

    /** The image whose plane holds all the points (patient mm), or why none does. */
    PlaneMatch containing(List<double[]> points, String frameOfReference) {
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        boolean anyPlane = false;
        for (int i = 0; i < images.size(); i++) {
            CaseImage.ImagePlane p = images.get(i).plane();
            if (p == null) {
                continue;
            }
            anyPlane = true;
            if (!sameFrameOfReference(frameOfReference, p.frameOfReferenceUid())) {
                continue;
            }
            double worst = 0;
            for (double[] q : points) {
                worst = Math.max(worst, Math.abs(p.imagePoint(q)[2]));
            }
            if (worst <= sliceTolerance && worst < bestDistance) {
                best = i;
                bestDistance = worst;
            }
        }
        if (!anyPlane) {
            return new PlaneMatch(-1, "is given in patient coordinates (mm), and the case's images carry no position to place it on");
        }
        if (best < 0) {
            double[] q = points.getFirst();
            return new PlaneMatch(-1, "lies in patient coordinates around (" + mm(q[0]) + ", " + mm(q[1]) + ", " + mm(q[2])
                    + ") mm, not in the plane of any of the case's images" + (frameOfReference != null ? " of the same frame of reference" : ""));
        }
        matched.add(best);
        return new PlaneMatch(best, null);
    }

    /** Unknown on either side counts as the same; otherwise as written or as de-identified. */
    private boolean sameFrameOfReference(String object, String image) {
        return object == null || image == null || object.equals(image) || deidentified.apply(object).equals(image);
    }

    private static boolean sameOrientation(double[] a, double[] b) {
        if (b == null || b.length != 6) {
            return false;
        }
        for (int k = 0; k < 6; k++) {
            if (Math.abs(a[k] - b[k]) > 1e-3) {
                return false;
            }
        }
        return true;
    }

    /** A third of the smallest distance between neighbouring parallel slices; 0.1 mm for a single image or none. */
    private static double sliceTolerance(List<CaseImage> images) {
        List<Double> along = new ArrayList<>();
        CaseImage.ImagePlane first = null;
        for (CaseImage image : images) {
            if (image.plane() == null) {
                continue;
            }
            if (first == null) {
                first = image.plane();
            }
            if (sameOrientation(first.orientation(), image.plane().orientation())) {
                along.add(Geometry.dot(image.plane().position(), first.normal()));
            }
        }
        along.sort(Double::compare);
        double gap = Double.MAX_VALUE;
        for (int k = 1; k < along.size(); k++) {
            double d = along.get(k) - along.get(k - 1);
            if (d > 1e-3) {
                gap = Math.min(gap, d);
            }
        }
        return gap == Double.MAX_VALUE ? 0.1 : gap / 3;
    }

    static String mm(double v) {
        return org.calibra.dicom.Vrs.decimalString(Math.round(v * 100) / 100.0);
    }
}
