package org.calibra.synthetic.phantom;

/**
 * Fast reproducible Gaussian noise: a fixed table of 65,536 standard normal values (built once with
 * {@link Rng#gaussian()}) indexed by 16-bit pieces of a seeded 64-bit stream, four values per draw.
 * Image noise needs millions of samples; this keeps it to a few nanoseconds each, with the same bits everywhere.
 */
public final class Noise {

    private static final float[] TABLE = buildTable();

    private final Rng rng;
    private long bits;
    private int left;

    public Noise(Rng rng) {
        this.rng = rng;
    }

    private static float[] buildTable() {
        var r = new Rng(0x5EED_7AB1EL);
        float[] t = new float[1 << 16];
        for (int i = 0; i < t.length; i++) {
            t[i] = (float) r.gaussian();
        }
        return t;
    }

    /** A standard normal sample. */
    public float next() {
        if (left == 0) {
            bits = rng.nextLong();
            left = 4;
        }
        int index = (int) (bits & 0xFFFF);
        bits >>>= 16;
        left--;
        return TABLE[index];
    }
}
