package org.calibra.reading;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Which cases of a module's pool one attempt reads, and in what order. Random draws are seeded by trainee, module
 * and attempt number: the same attempt always gets the same cases (reproducible decisions), neighbours and retakes
 * get different ones. The minimum abnormal and normal cases are drawn first, so every attempt can reach a decision.
 *
 * <p>Exposure control (ADR 0015): cases whose truth the trainee has already seen are drawn only when too few unseen
 * cases remain to fill the attempt, and then as repeats, which never count. Without seen cases the draw is exactly
 * what it was before exposure control (same seed, same cases, same order).
 */
public final class CaseDraw {

    private CaseDraw() {
    }

    /**
     * @param pool        the module's cases, in the curriculum's order
     * @param abnormal    by slug: whether the case is abnormal (only for the strata; never shown)
     * @param count       how many to draw, at most the pool
     * @param random      false: keep the pool's order (and take the first {@code count} that satisfy the strata)
     */
    public static List<String> draw(List<String> pool, Map<String, Boolean> abnormal, int count, boolean random, int minAbnormal,
            int minNormal, long seed) {
        return draw(pool, abnormal, count, random, minAbnormal, minNormal, seed, Set.of());
    }

    /**
     * @param seen cases whose truth this trainee has already seen (feedback of an earlier read, in any module): taken
     *             only after every unseen case, to fill the attempt up to {@code count}
     */
    public static List<String> draw(List<String> pool, Map<String, Boolean> abnormal, int count, boolean random, int minAbnormal,
            int minNormal, long seed, Set<String> seen) {
        List<String> order = new ArrayList<>(pool);
        SplittableRandom rng = new SplittableRandom(seed);
        if (random) {
            shuffle(order, rng);
        }
        List<String> unseen = order.stream().filter(s -> !seen.contains(s)).toList();
        var chosen = new LinkedHashSet<String>();
        unseen.stream().filter(s -> Boolean.TRUE.equals(abnormal.get(s))).limit(minAbnormal).forEach(chosen::add);
        unseen.stream().filter(s -> Boolean.FALSE.equals(abnormal.get(s))).limit(minNormal).forEach(chosen::add);
        int target = Math.min(count, pool.size());
        for (String s : unseen) {
            if (chosen.size() >= target) {
                break;
            }
            chosen.add(s);
        }
        for (String s : order) { // repeats: only when the unseen cases cannot fill the attempt
            if (chosen.size() >= target) {
                break;
            }
            chosen.add(s);
        }
        List<String> result = new ArrayList<>(chosen);
        if (random) {
            shuffle(result, rng); // the strata must not sit at the start, or the first cases would give them away
        } else {
            result.sort((a, b) -> Integer.compare(pool.indexOf(a), pool.indexOf(b)));
        }
        return List.copyOf(result);
    }

    /** A seed from who reads which module in which attempt; SHA-256 so nearby ids give unrelated sequences. */
    public static long seed(long userId, long moduleId, int attemptNumber) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("calibra-draw/" + userId + "/" + moduleId + "/" + attemptNumber).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fisher–Yates. */
    private static void shuffle(List<String> list, SplittableRandom rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            String t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
