package org.neurite.spark;

import java.io.Serializable;
import org.neurite.core.train.Shuffling;

/**
 * How one epoch's samples are cut into global batches; {@link #arrange} gives each partition
 * its rows in batch order. Deterministic: a retried or recomputed task arranges identically.
 *
 * @param samples   the number of training samples, over all partitions
 * @param batchSize the global batch size, at most {@code samples}
 * @param shuffle   whether the epoch reorders the samples
 * @param seed      the run's seed
 * @param epoch     the epoch index, from 0, counted over the model's whole history
 * @param order     how batches are formed
 */
record EpochPlan(long samples, int batchSize, boolean shuffle, long seed, int epoch, BatchOrder order)
        implements Serializable {
    /** Mixes a partition's first row into the seed of its own shuffle (per-partition order). */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /** The number of global batches. */
    int batches() {
        return (int) ((samples + batchSize - 1) / batchSize);
    }

    /** {@code block}'s rows in this epoch's order, with where each batch starts among them. */
    Batches arrange(Block block) {
        int batches = batches();
        int[] rows = new int[block.rows];
        int[] start = new int[batches + 1];
        if (order == BatchOrder.PER_PARTITION) {
            if (shuffle) {
                Shuffling.epochOrder(rows, seed + GOLDEN * block.first, epoch);
            } else {
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = i;
                }
            }
            for (int b = 0; b <= batches; b++) {
                start[b] = (int) ((long) b * rows.length / batches);
            }
            return new Batches(block, rows, start);
        }
        int[] counts = new int[batches];
        if (!shuffle) {
            for (int i = 0; i < rows.length; i++) {
                rows[i] = i;
                counts[(int) ((block.first + i) / batchSize)]++;
            }
        } else {
            // Trainer's permutation of all sample indices; keep ours in the order it visits them.
            int[] permutation = new int[Math.toIntExact(samples)];
            Shuffling.epochOrder(permutation, seed, epoch);
            int k = 0;
            for (int position = 0; position < permutation.length && k < rows.length; position++) {
                long index = permutation[position] - block.first;
                if (index >= 0 && index < block.rows) {
                    rows[k++] = (int) index;
                    counts[position / batchSize]++;
                }
            }
        }
        for (int b = 0; b < batches; b++) {
            start[b + 1] = start[b] + counts[b];
        }
        return new Batches(block, rows, start);
    }
}
