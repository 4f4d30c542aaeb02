package org.neurite.spark;

/** How {@link SparkTrainer} forms the global batches of an epoch from the partitions. */
public enum BatchOrder {
    /**
     * The local trainer's batches: with {@code shuffle} on, each epoch permutes all samples as
     * {@link org.neurite.core.train.Trainer} does (same seed, same permutation), otherwise batch
     * {@code b} is samples {@code [b·size, (b+1)·size)} in RDD order. Training then does the
     * same arithmetic as {@code model.fit}. Each task computes the permutation, so it costs
     * O(samples) time and 4 bytes per sample per epoch on every partition; without shuffling,
     * a batch usually lies in one partition and the others idle on that step.
     */
    GLOBAL,

    /**
     * Every global batch takes an equal share of every partition: each partition shuffles its
     * own rows (when {@code shuffle} is on) and cuts them into as many slices as the epoch has
     * batches. All partitions work on every step and no task holds state proportional to the
     * whole data set, but the batches differ from those of local training.
     */
    PER_PARTITION
}
