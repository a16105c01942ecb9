package org.calibra.synthetic.phantom;

/**
 * A small deterministic random source (SplitMix64, Steele/Lea/Flood 2014) whose sequence is fixed by this
 * code alone, not by a JDK version. Gaussians come from Box-Muller with {@link StrictMath}, which gives the
 * same bits on every platform. Streams for independent purposes are forked by name, so adding a draw in
 * one place does not shift the numbers everywhere else.
 */
public final class Rng {

    private long state;

    public Rng(long seed) {
        this.state = seed;
    }

    /** An independent stream for {@code purpose}, derived from this stream's seed without consuming from it. */
    public Rng fork(String purpose) {
        long h = state ^ 0x9E3779B97F4A7C15L;
        for (int i = 0; i < purpose.length(); i++) {
            h = mix(h + purpose.charAt(i));
        }
        return new Rng(h);
    }

    public Rng fork(String purpose, long index) {
        return fork(purpose + "#" + index);
    }

    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1), 53 random bits. */
    public double uniform() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * uniform();
    }

    /** Uniform integer in [0, n). */
    public int nextInt(int n) {
        return (int) Math.floorMod(nextLong() >>> 1, (long) n);
    }

    public boolean chance(double p) {
        return uniform() < p;
    }

    public double gaussian() {
        double u1 = 1.0 - uniform(); // (0, 1]
        double u2 = uniform();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
    }

    /** Poisson by Knuth's product method; fine for the small means used here. */
    public int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        double limit = StrictMath.exp(-mean);
        double p = 1;
        int k = -1;
        do {
            k++;
            p *= uniform();
        } while (p > limit);
        return k;
    }

    public <T> T pick(java.util.List<T> list) {
        return list.get(nextInt(list.size()));
    }
}
