package org.neurite.core.train;

import org.neurite.core.network.Network;

/** The running training session, as listeners see it. */
public interface Training {

    /** The network being trained. */
    Network network();

    /** The number of epochs this call to {@code fit} will run unless stopped. */
    int epochs();

    /** The number of batches per epoch. */
    int batchesPerEpoch();

    /** The seed that drives shuffling in this run. */
    long seed();

    /**
     * Whether a larger value of the logged quantity {@code key} ({@code loss}, a metric, or
     * either with {@code val_}) is better, as the metric declares.
     *
     * @throws IllegalArgumentException if nothing is logged under {@code key}
     */
    boolean higherIsBetter(String key);

    /** Asks the trainer to stop after the current epoch. */
    void stop();
}
