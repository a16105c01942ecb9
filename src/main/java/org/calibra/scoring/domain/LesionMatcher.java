package org.calibra.scoring.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import org.calibra.shared.geometry.Circle;
import org.calibra.shared.geometry.Point;
import org.calibra.shared.geometry.Shape;

/**
 * Classifies the marks of one case as lesion localisations (LL), discarded duplicates or
 * non-lesion localisations (NL), following Chakraborty's FROC scoring conventions.
 *
 * <ol>
 *   <li>A mark can localise a lesion on any image the lesion is visible on (its centre image, or
 *       every slice of its {@code firstImage..lastImage} run), judged against the lesion's shape on that image
 *       ({@link Lesion#shapeOn}). A <b>circle</b> (point + radius truth): its in-plane distance to the centre is
 *       at most the acceptance radius (boundary included). With known pixel spacing both are in mm
 *       and the radius is {@code max(lesion radius, rule.minRadiusMm())}; without it both are in
 *       pixels and the radius is the lesion's own. An <b>ellipse, box or contour</b>: the mark lies inside the
 *       region (outline included) or, with known pixel spacing, within {@code rule.minRadiusMm()} of its outline
 *       (in mm, so anisotropic pixels are handled); without spacing, only inside counts.</li>
 *   <li>A mark inside several acceptance regions is given to the lesion with the smallest
 *       normalised distance (distance / acceptance radius; for a drawn region see {@code regionProximity}),
 *       then the smaller lesion id.</li>
 *   <li>Of the marks given to a lesion, the highest-rated one is its LL (ties: nearest, then
 *       smaller mark id). The others are {@link MarkOutcome.Duplicate}s, counted neither as LL
 *       nor as NL, because each of them also found the lesion.</li>
 *   <li>Every other mark is an NL.</li>
 * </ol>
 *
 * <p>Every tie is broken by id, so the result does not depend on input order.
 */
public final class LesionMatcher {

    private LesionMatcher() {
    }

    /** Matches a reader's marks. */
    public static MatchResult match(List<Lesion> lesions, List<Mark> marks,
            IntFunction<Optional<PixelSpacing>> spacingOfImage, AcceptanceRule rule) {
        Objects.requireNonNull(marks, "marks");
        List<Candidate> candidates = marks.stream()
                .map(m -> new Candidate(m.id(), m.imageIndex(), m.x(), m.y(), m.confidence(), m.confidence()))
                .toList();
        return matchCandidates(lesions, candidates, spacingOfImage, rule);
    }

    /**
     * Matches AI marks. Ratings reported are {@link AiMark#rating()}; among AI marks with the same
     * rating on one lesion the higher raw probability counts, so binning loses no ordering.
     */
    public static MatchResult matchAi(List<Lesion> lesions, List<AiMark> aiMarks,
            IntFunction<Optional<PixelSpacing>> spacingOfImage, AcceptanceRule rule) {
        Objects.requireNonNull(aiMarks, "aiMarks");
        List<Candidate> candidates = aiMarks.stream()
                .map(m -> new Candidate(m.id(), m.imageIndex(), m.x(), m.y(), m.rating(), m.probability()))
                .toList();
        return matchCandidates(lesions, candidates, spacingOfImage, rule);
    }

    /** A mark reduced to what matching needs; {@code rank} orders marks with equal rating. */
    private record Candidate(String id, int imageIndex, double x, double y, int rating, double rank) {
    }

    /** Distance and acceptance radius in the same unit (mm, or pixels when spacing is unknown). */
    private record Proximity(double distance, double acceptanceRadius) {
        // Compared directly rather than via the ratio, so a mark exactly on the boundary is inside.
        boolean inside() {
            return distance <= acceptanceRadius;
        }

        double normalised() {
            return distance / acceptanceRadius;
        }
    }

    /** A candidate that lies on a lesion, with its proximity to it. */
    private record Assignment(Candidate mark, Lesion lesion, Proximity proximity) {
        double normalisedDistance() {
            return proximity.normalised();
        }
    }

    private static final Comparator<Assignment> NEAREST_LESION = Comparator
            .comparingDouble(Assignment::normalisedDistance)
            .thenComparing(a -> a.lesion().id());

    private static final Comparator<Assignment> COUNTING_MARK_FIRST = Comparator
            .comparingInt((Assignment a) -> a.mark().rating()).reversed()
            .thenComparing(Comparator.comparingDouble((Assignment a) -> a.mark().rank()).reversed())
            .thenComparingDouble(Assignment::normalisedDistance)
            .thenComparing(a -> a.mark().id());

    private static MatchResult matchCandidates(List<Lesion> lesions, List<Candidate> marks,
            IntFunction<Optional<PixelSpacing>> spacingOfImage, AcceptanceRule rule) {
        Objects.requireNonNull(lesions, "lesions");
        Objects.requireNonNull(spacingOfImage, "spacingOfImage");
        Objects.requireNonNull(rule, "rule");
        requireUniqueIds(lesions.stream().map(Lesion::id).toList(), "lesion");
        requireUniqueIds(marks.stream().map(Candidate::id).toList(), "mark");

        Map<String, List<Assignment>> byLesion = new HashMap<>();
        List<MarkOutcome> markOutcomes = new ArrayList<>();
        for (Candidate mark : marks) {
            Optional<Assignment> nearest = lesions.stream()
                    .filter(l -> l.visibleOn(mark.imageIndex()))
                    .map(l -> new Assignment(mark, l, proximity(mark, l, spacingOf(spacingOfImage, l), rule)))
                    .filter(a -> a.proximity().inside())
                    .min(NEAREST_LESION);
            if (nearest.isPresent()) {
                byLesion.computeIfAbsent(nearest.get().lesion().id(), id -> new ArrayList<>()).add(nearest.get());
            } else {
                markOutcomes.add(new MarkOutcome.FalsePositive(mark.id()));
            }
        }

        List<LesionOutcome> lesionOutcomes = new ArrayList<>();
        for (Lesion lesion : lesions) {
            List<Assignment> onLesion = byLesion.getOrDefault(lesion.id(), List.of());
            if (onLesion.isEmpty()) {
                lesionOutcomes.add(LesionOutcome.missed(lesion.id()));
                continue;
            }
            List<Assignment> ranked = onLesion.stream().sorted(COUNTING_MARK_FIRST).toList();
            Candidate counting = ranked.getFirst().mark();
            lesionOutcomes.add(LesionOutcome.detected(lesion.id(), counting.id(), counting.rating()));
            markOutcomes.add(new MarkOutcome.Hit(counting.id(), lesion.id()));
            ranked.stream().skip(1)
                    .forEach(a -> markOutcomes.add(new MarkOutcome.Duplicate(a.mark().id(), lesion.id())));
        }
        return new MatchResult(markOutcomes, lesionOutcomes);
    }

    private static Optional<PixelSpacing> spacingOf(IntFunction<Optional<PixelSpacing>> spacingOfImage, Lesion lesion) {
        return Objects.requireNonNull(spacingOfImage.apply(lesion.imageIndex()),
                () -> "spacingOfImage returned null for image " + lesion.imageIndex() + "; use Optional.empty()");
    }

    private static Proximity proximity(Candidate mark, Lesion lesion, Optional<PixelSpacing> spacing,
            AcceptanceRule rule) {
        Shape shape = lesion.shapeOn(mark.imageIndex());
        return shape instanceof Circle circle ? circleProximity(mark, circle, spacing, rule)
                : regionProximity(mark, shape, spacing, rule);
    }

    /** A circle (point + radius truth): distance to the centre against max(radius, floor) — the original rule. */
    private static Proximity circleProximity(Candidate mark, Circle circle, Optional<PixelSpacing> spacing,
            AcceptanceRule rule) {
        double dx = mark.x() - circle.x();
        double dy = mark.y() - circle.y();
        if (spacing.isEmpty()) {
            // No way to turn mm into pixels, so the mm floor cannot apply.
            return new Proximity(Math.hypot(dx, dy), circle.radius());
        }
        PixelSpacing s = spacing.get();
        return new Proximity(s.distanceMm(dx, dy), Math.max(s.lengthMm(circle.radius()), rule.minRadiusMm()));
    }

    /**
     * An ellipse, box or contour: inside the region, or within the floor of its outline. As a {@link Proximity}, with
     * d the signed distance to the outline (negative inside), m the floor and ρ the radius of the circle of the
     * region's area: distance d + ρ against acceptance radius m + ρ. So "inside" is exactly d ≤ m, and the normalised
     * distance (d + ρ) / (m + ρ) runs from about 0 deep inside to 1 at the edge of acceptance — for a circle it would be
     * distance to the centre / (radius + floor), the same scale as the circle rule's.
     */
    private static Proximity regionProximity(Candidate mark, Shape shape, Optional<PixelSpacing> spacing,
            AcceptanceRule rule) {
        double sx = spacing.map(PixelSpacing::columnMm).orElse(1.0);
        double sy = spacing.map(PixelSpacing::rowMm).orElse(1.0);
        // Without a pixel spacing the floor (mm) cannot be converted: only the region itself counts.
        double floor = spacing.isPresent() ? rule.minRadiusMm() : 0;
        Point p = new Point(mark.x(), mark.y());
        double toOutline = shape.distanceToOutline(p, sx, sy);
        double signed = shape.contains(p) ? -toOutline : toOutline;
        double rho = Math.sqrt(shape.area() * sx * sy / Math.PI);
        return new Proximity(signed + rho, floor + rho);
    }

    private static void requireUniqueIds(List<String> ids, String what) {
        var seen = new HashSet<String>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException("Duplicate " + what + " id '" + id + "': ids must be unique within a case");
            }
        }
    }
}
