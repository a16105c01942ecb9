package org.calibra.synthetic;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.calibra.synthetic.Recipe.AiModel;
import org.calibra.synthetic.Recipe.CtParameters;
import org.calibra.synthetic.Recipe.Density;
import org.calibra.synthetic.Recipe.Kind;
import org.calibra.synthetic.Recipe.Lesion;
import org.calibra.synthetic.Recipe.Nodule;
import org.calibra.synthetic.Recipe.RadiographParameters;
import org.calibra.synthetic.phantom.ChestCtVolume;
import org.calibra.synthetic.phantom.ChestRadiograph;
import org.calibra.synthetic.phantom.Rng;

/**
 * Plans a library of recipes: for each kind, two cases in five are normal, and the abnormal ones cycle
 * through target difficulty 1 to 5 (lesion size, density, contrast chosen to land there), with one lesion
 * or sometimes two, placed at random inside a lung of that case's own phantom. Everything about a case
 * comes from its seed, so the seed is as secret as the truth: see {@link Seeds}.
 */
public final class LibraryPlanner {

    public enum Mix { MIXED, CT, RADIOGRAPH }

    /**
     * Where each planned case's seed comes from (ADR 0008, amendment of 2026-12-05). The generator is
     * public, so whoever knows a case's seed regenerates its images without the lesions and finds them; a seed
     * must therefore be unguessable unless the case is meant to be public.
     */
    @FunctionalInterface
    public interface Seeds {
        long caseSeed(int index);
    }

    /** Secret seeds within this distance of zero are drawn again: it holds the old 31-bit seeds and is small enough to try every one. */
    static final long SEARCHABLE = 1L << 32;

    private LibraryPlanner() {
    }

    /** True when {@code seed} lies within 2^32 of zero, where trying every seed against the images is cheap. */
    static boolean searchable(long seed) {
        return seed > -SEARCHABLE && seed < SEARCHABLE;
    }

    /**
     * {@code --seed S}: reproducible and <em>public</em>. Case {@code i}'s seed is derived from S (a positive
     * 31-bit number, as the starter library was written), so anyone with S and this generator regenerates the
     * same cases and their truth. For test fixtures and the demo library, never for cases that certify.
     */
    public static Seeds publicSeeds(long planSeed) {
        Rng root = new Rng(planSeed);
        return i -> root.fork("case", i).nextLong() >>> 33;
    }

    /**
     * Without {@code --seed}: each case gets its own 64-bit seed from {@code random} (a {@link SecureRandom}),
     * independent of every other case, so knowing one case's seed tells nothing about another's. A draw that
     * repeats an earlier one of these seeds, or lies within 2^32 of zero (where a search of every seed is cheap;
     * probability 2^-31), is drawn again. The seed is kept only in the recipe block of case.yaml, which staff see.
     */
    public static Seeds secretSeeds(SecureRandom random) {
        Set<Long> drawn = new HashSet<>();
        return i -> {
            long s;
            do {
                s = random.nextLong();
            } while (searchable(s) || !drawn.add(s));
            return s;
        };
    }

    /** A plan with {@link #publicSeeds(long) public seeds}: the same {@code seed} always gives the same recipes. */
    public static List<Recipe> plan(int count, long seed, Mix mix, String prefix, AiModel ai) {
        return plan(count, publicSeeds(seed), mix, prefix, ai);
    }

    public static List<Recipe> plan(int count, Seeds seeds, Mix mix, String prefix, AiModel ai) {
        List<Recipe> out = new ArrayList<>();
        int ct = 0, cxr = 0, ctAbnormal = 0, cxrAbnormal = 0;
        for (int i = 0; i < count; i++) {
            boolean isCt = mix == Mix.CT || (mix == Mix.MIXED && i % 8 < 3);
            int j = isCt ? ct++ : cxr++;
            boolean normal = j % 5 == 1 || j % 5 == 3;
            long caseSeed = seeds.caseSeed(i);
            Rng rng = new Rng(caseSeed).fork("plan");
            String id = String.format("%s-%s-%03d", prefix, isCt ? "ct" : "cxr", j + 1);
            Recipe.Parameters p;
            if (isCt) {
                int level = normal ? 0 : 1 + ctAbnormal++ % 5;
                p = ctParameters(id, caseSeed, level, rng);
                out.add(new Recipe(id, Kind.CHEST_CT, caseSeed, p, ai));
            } else {
                int level = normal ? 0 : 1 + cxrAbnormal++ % 5;
                p = radiographParameters(id, caseSeed, level, rng);
                out.add(new Recipe(id, Kind.CHEST_RADIOGRAPH, caseSeed, p, ai));
            }
        }
        return out;
    }

    /** Diameter and density for a CT target level (see CaseYamlWriter#difficulty). */
    private static CtParameters ctParameters(String id, long seed, int level, Rng rng) {
        var empty = CtParameters.standard(List.of());
        if (level == 0) {
            return empty;
        }
        // the same phantom the generator will build for this case, to place nodules inside its lungs
        var volume = new ChestCtVolume(empty, new Rng(seed).fork(id).fork("volume"));
        int n = rng.chance(0.25) ? 2 : 1;
        List<Nodule> nodules = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double d;
            Density density;
            switch (level) {
                case 1 -> { d = rng.uniform(20, 28); density = Density.SOLID; }
                case 2 -> { d = rng.uniform(12, 18); density = rng.chance(0.5) ? Density.SOLID : Density.PART_SOLID; }
                case 3 -> { d = rng.uniform(8, 11.5); density = rng.chance(0.6) ? Density.SOLID : Density.PART_SOLID; }
                case 4 -> {
                    boolean gg = rng.chance(0.4);
                    d = gg ? rng.uniform(8, 11.5) : rng.uniform(5, 7.5);
                    density = gg ? Density.GROUND_GLASS : Density.SOLID;
                }
                default -> {
                    boolean gg = rng.chance(0.5);
                    d = gg ? rng.uniform(5, 7.5) : rng.uniform(4, 4.7);
                    density = gg ? Density.GROUND_GLASS : Density.SOLID;
                }
            }
            d = Math.round(d * 2) / 2.0;
            nodules.add(placeNodule("L" + (k + 1), d, density, volume, empty, nodules, rng));
        }
        return CtParameters.standard(nodules);
    }

    /** A nodule of {@code d} mm placed at random inside a lung of {@code volume}, away from {@code others}; also for the educators' form. */
    static Nodule placeNodule(String id, double d, Density density, ChestCtVolume volume, CtParameters p, List<Nodule> others, Rng rng) {
        double rPx = d / 2 / p.pixelSpacingMm();
        int reach = (int) Math.ceil(d / 2 / p.sliceSpacingMm());
        for (int attempt = 0; attempt < 5000; attempt++) {
            double x = Math.round(rng.uniform(20, p.columns() - 20) * 4) / 4.0;
            double y = Math.round(rng.uniform(20, p.rows() - 20) * 4) / 4.0;
            int slice = reach + 2 + rng.nextInt(p.slices() - 2 * reach - 4);
            boolean inside = true;
            for (double[] o : new double[][] {{0, 0}, {1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
                double m = rPx + 3;
                inside &= volume.inLung(x + o[0] * m, y + o[1] * m, slice);
            }
            inside &= volume.inLung(x, y, slice - reach) && volume.inLung(x, y, slice + reach);
            for (Nodule other : others) {
                inside &= Math.abs(other.slice() - slice) > 6 || Math.hypot(other.x() - x, other.y() - y) > 30;
            }
            if (inside) {
                return new Nodule(id, d, density, x, y, slice);
            }
        }
        throw new IllegalStateException("no place inside the lungs for a " + d + " mm nodule");
    }

    private static RadiographParameters radiographParameters(String id, long seed, int level, Rng rng) {
        var empty = RadiographParameters.standard(List.of());
        if (level == 0) {
            return empty;
        }
        var image = new ChestRadiograph(empty, new Rng(seed).fork(id).fork("radiograph"));
        int n = rng.chance(0.2) ? 2 : 1;
        List<Lesion> lesions = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double d, c;
            switch (level) {
                case 1 -> { d = rng.uniform(25, 40); c = rng.uniform(0.08, 0.12); }
                case 2 -> { d = rng.uniform(15, 22); c = rng.uniform(0.055, 0.06); }
                case 3 -> { d = rng.uniform(12, 16); c = rng.uniform(0.038, 0.045); }
                case 4 -> { d = rng.uniform(9, 12); c = rng.uniform(0.028, 0.035); }
                default -> { d = rng.uniform(6, 9); c = rng.uniform(0.015, 0.025); }
            }
            d = Math.round(d * 2) / 2.0;
            c = Math.round(c * 1000) / 1000.0;
            lesions.add(placeLesion("L" + (k + 1), d, c, image, empty, lesions, rng));
        }
        return RadiographParameters.standard(lesions);
    }

    /** A lesion of {@code d} mm placed at random inside a lung field of {@code image}, away from {@code others}; also for the educators' form. */
    static Lesion placeLesion(String id, double d, double c, ChestRadiograph image, RadiographParameters p, List<Lesion> others, Rng rng) {
        double rPx = d / 2 / p.pixelSpacingMm();
        for (int attempt = 0; ; attempt++) {
            double x = Math.round(rng.uniform(30, p.columns() - 30) * 4) / 4.0;
            double y = Math.round(rng.uniform(30, p.rows() - 30) * 4) / 4.0;
            boolean ok = image.lungCm(image.xMm(x), image.yMm(y)) > 3
                    && image.lungCm(image.xMm(x + rPx), image.yMm(y)) > 0 && image.lungCm(image.xMm(x - rPx), image.yMm(y)) > 0
                    && image.lungCm(image.xMm(x), image.yMm(y + rPx)) > 0 && image.lungCm(image.xMm(x), image.yMm(y - rPx)) > 0;
            for (Lesion other : others) {
                ok &= Math.hypot(other.x() - x, other.y() - y) > 60;
            }
            if (ok) {
                return new Lesion(id, d, c, x, y);
            }
            if (attempt > 5000) {
                throw new IllegalStateException("no place inside the lung fields for a " + d + " mm lesion");
            }
        }
    }
}
