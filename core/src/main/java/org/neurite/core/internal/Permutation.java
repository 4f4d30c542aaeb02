package org.neurite.core.internal;

import java.util.SplittableRandom;

/** Seeded sample orders, one algorithm for every caller so that equal seeds give equal orders. */
public final class Permutation {
    private Permutation() {
    }

    /** Fills {@code order} with a Fisher–Yates permutation of {@code 0..order.length-1} drawn from {@code random}. */
    public static void shuffle(int[] order, SplittableRandom random) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
