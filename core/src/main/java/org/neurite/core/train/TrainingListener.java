package org.neurite.core.train;

import java.util.Map;

/**
 * Callbacks around training, like Keras callbacks. Every method does nothing by default.
 * Epoch and batch indices count from 0. Batch callbacks run inside the hot loop: keep them
 * cheap and allocation-free.
 */
public interface TrainingListener {

    /** Before the first epoch. */
    default void onTrainBegin(Training training) {
    }

    /** Before each epoch. */
    default void onEpochBegin(Training training, int epoch) {
    }

    /** Before each batch. */
    default void onBatchBegin(Training training, int epoch, int batch) {
    }

    /** After each batch's update; {@code loss} is the batch loss before the update. */
    default void onBatchEnd(Training training, int epoch, int batch, double loss) {
    }

    /** After each epoch, with its logs ({@code loss}, metrics, {@code val_*}). */
    default void onEpochEnd(Training training, int epoch, Map<String, Double> logs) {
    }

    /**
     * When a batch of {@code epoch} diverged: its loss, a gradient or an updated parameter is NaN
     * or infinite. The parameters and optimizer state are already those before that update.
     * Training then ends by throwing {@code divergence} (without {@link #onTrainEnd}), unless a
     * listener calls {@link Training#stop()} here: then it ends as after a stop, without logging
     * the unfinished epoch, and {@code fit} returns the history of the epochs before it.
     */
    default void onDivergence(Training training, int epoch, TrainingDivergedException divergence) {
    }

    /** After the last epoch (or after a stop). */
    default void onTrainEnd(Training training, History history) {
    }
}
