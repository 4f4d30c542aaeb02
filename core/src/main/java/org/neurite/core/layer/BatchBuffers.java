package org.neurite.core.layer;

import java.util.function.IntFunction;

/**
 * Per-batch-size working buffers for layer implementations, kept for the two most recent batch sizes (a training run
 * sees at most two: the full batch and a shorter last one), so steady-state training never
 * allocates.
 */
public final class BatchBuffers<B> {
    private final IntFunction<B> factory;
    private final int[] rows = {-1, -1};
    @SuppressWarnings("unchecked")
    private final B[] slots = (B[]) new Object[2];
    private int recent;

    public BatchBuffers(IntFunction<B> factory) {
        this.factory = factory;
    }

    /** The buffers for batches of {@code n} rows, created on first use. */
    public B get(int n) {
        if (rows[recent] == n) {
            return slots[recent];
        }
        int other = 1 - recent;
        if (rows[other] != n) {
            rows[other] = n;
            slots[other] = factory.apply(n);
        }
        recent = other;
        return slots[other];
    }
}
