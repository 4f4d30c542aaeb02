package org.neurite.core.config;

/**
 * The {@code training} section: Keras's {@code fit} arguments.
 *
 * @param epochs          passes over the data, ≥ 1
 * @param batchSize       samples per update, ≥ 1 (default 32)
 * @param shuffle         reorder samples each epoch (default true)
 * @param seed            seed of every random draw; {@code null} until resolved
 * @param verbose         0, 1 or 2 (default 1)
 * @param validationSplit fraction held out for validation, or 0
 * @param earlyStopping   early stopping, or {@code null}
 */
public record TrainingSpec(int epochs, int batchSize, boolean shuffle, Long seed, int verbose,
                           double validationSplit, EarlyStoppingSpec earlyStopping) {

    /** Keras's defaults: 1 epoch, batch 32, shuffled, verbose 1, no seed. */
    public static TrainingSpec defaults() {
        return new TrainingSpec(1, 32, true, null, 1, 0.0, null);
    }

    /** These settings with {@code seed}. */
    public TrainingSpec withSeed(long seed) {
        return new TrainingSpec(epochs, batchSize, shuffle, seed, verbose, validationSplit, earlyStopping);
    }

    /** These settings with {@code epochs}. */
    public TrainingSpec withEpochs(int epochs) {
        return new TrainingSpec(epochs, batchSize, shuffle, seed, verbose, validationSplit, earlyStopping);
    }

    /** These settings with {@code verbose}. */
    public TrainingSpec withVerbose(int verbose) {
        return new TrainingSpec(epochs, batchSize, shuffle, seed, verbose, validationSplit, earlyStopping);
    }

    /**
     * {@code early_stopping: {monitor, patience, min_delta, restore_best_weights}}.
     *
     * @param monitor            log key to watch (default {@code val_loss})
     * @param patience           epochs without improvement before stopping (default 0)
     * @param minDelta           smallest change that counts as improvement (default 0)
     * @param restoreBestWeights restore the best epoch's weights on stopping (default false)
     */
    public record EarlyStoppingSpec(String monitor, int patience, double minDelta,
                                    boolean restoreBestWeights) {
    }
}
