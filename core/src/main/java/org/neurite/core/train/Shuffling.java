package org.neurite.core.train;

import java.util.SplittableRandom;
import org.neurite.core.internal.Permutation;

/**
 * The sample order of each epoch of a shuffled run, the same for every trainer: a run resumed
 * from a saved model, or spread over several machines, visits the samples exactly as one
 * uninterrupted local run does.
 */
public final class Shuffling {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Shuffling() {
    }

    /**
     * Fills {@code order} with the order of epoch {@code epoch} (from 0) of a run with
     * {@code seed}: a Fisher–Yates permutation of {@code 0..n-1} drawn from a generator seeded
     * by the seed and the epoch index alone.
     */
    public static void epochOrder(int[] order, long seed, int epoch) {
        Permutation.shuffle(order, new SplittableRandom(seed ^ GOLDEN * (epoch + 1)));
    }
}
