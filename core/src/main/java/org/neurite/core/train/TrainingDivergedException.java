package org.neurite.core.train;

/**
 * Training produced a NaN or infinite loss or gradient. The parameters are left as they were
 * before the failing batch's update. The message names the epoch, the batch and the last
 * finite loss.
 */
public final class TrainingDivergedException extends ArithmeticException {
    private final int epoch;
    private final int batch;

    public TrainingDivergedException(String message, int epoch, int batch) {
        super(message);
        this.epoch = epoch;
        this.batch = batch;
    }

    /** The epoch (from 1) in which training diverged. */
    public int epoch() {
        return epoch;
    }

    /** The batch (from 1) within that epoch. */
    public int batch() {
        return batch;
    }
}
