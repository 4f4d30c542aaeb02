package org.neurite.core.train;

import java.util.random.RandomGenerator;

/**
 * The random source of one training step: SplitMix64, reseeded from the run's seed and the
 * optimizer step before each step, so that a run resumed from a saved model draws exactly what
 * the uninterrupted run draws, without allocating.
 */
final class StepRandom implements RandomGenerator {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private long state;

    /** Starts the sequence of step {@code step} of a run seeded with {@code seed}. */
    void reseed(long seed, long step) {
        state = mix(seed ^ mix(step + GOLDEN));
    }

    @Override
    public long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
