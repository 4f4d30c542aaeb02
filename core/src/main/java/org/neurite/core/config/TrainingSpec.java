package org.neurite.core.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
 * @param callbacks       the {@code callbacks} list: callback plugins, in order
 * @param classWeight     {@code class_weight}: the weight of each class index's training
 *                        samples (classes left out weigh 1); empty for none
 */
public record TrainingSpec(int epochs, int batchSize, boolean shuffle, Long seed, int verbose,
                           double validationSplit, EarlyStoppingSpec earlyStopping,
                           List<ComponentSpec> callbacks, Map<Integer, Double> classWeight) {

    public TrainingSpec {
        callbacks = List.copyOf(callbacks);
        classWeight = Collections.unmodifiableMap(new TreeMap<>(classWeight));
    }

    /** Settings without class weights. */
    public TrainingSpec(int epochs, int batchSize, boolean shuffle, Long seed, int verbose,
                        double validationSplit, EarlyStoppingSpec earlyStopping, List<ComponentSpec> callbacks) {
        this(epochs, batchSize, shuffle, seed, verbose, validationSplit, earlyStopping, callbacks, Map.of());
    }

    /** Settings without callbacks. */
    public TrainingSpec(int epochs, int batchSize, boolean shuffle, Long seed, int verbose,
                        double validationSplit, EarlyStoppingSpec earlyStopping) {
        this(epochs, batchSize, shuffle, seed, verbose, validationSplit, earlyStopping, List.of());
    }

    private static final Set<String> KEYS = Set.of("epochs", "batch_size", "shuffle",
            "seed", "verbose", "validation_split", "early_stopping", "callbacks", "class_weight");
    private static final Set<String> EARLY_STOPPING_KEYS =
            Set.of("monitor", "patience", "min_delta", "restore_best_weights");

    /** Keras's defaults: 1 epoch, batch 32, shuffled, verbose 1, no seed. */
    public static TrainingSpec defaults() {
        return new TrainingSpec(1, 32, true, null, 1, 0.0, null);
    }

    /** These settings with {@code seed}. */
    public TrainingSpec withSeed(long seed) {
        return new TrainingSpec(epochs, batchSize, shuffle, seed, verbose, validationSplit, earlyStopping, callbacks,
                classWeight);
    }

    /** These settings with {@code callbacks}. */
    public TrainingSpec withCallbacks(List<ComponentSpec> callbacks) {
        return new TrainingSpec(epochs, batchSize, shuffle, seed, verbose, validationSplit, earlyStopping, callbacks,
                classWeight);
    }

    /** These settings with {@code classWeight} (class index → weight). */
    public TrainingSpec withClassWeight(Map<Integer, Double> classWeight) {
        return new TrainingSpec(epochs, batchSize, shuffle, seed, verbose, validationSplit, earlyStopping, callbacks,
                classWeight);
    }

    /**
     * These settings with command-line overrides applied: each non-null argument replaces the
     * configured value.
     */
    public TrainingSpec overriddenBy(Integer epochs, Long seed, Integer verbose) {
        return new TrainingSpec(epochs != null ? epochs : this.epochs, batchSize, shuffle,
                seed != null ? seed : this.seed, verbose != null ? verbose : this.verbose,
                validationSplit, earlyStopping, callbacks, classWeight);
    }

    /**
     * Reads a {@code training} section; absent keys take Keras's defaults. Its
     * {@code callbacks} name plugins and its {@code class_weight} depends on the network: both
     * are read by {@link ConfigReader}.
     */
    static TrainingSpec read(ConfigNode node) {
        node.requireObject("training settings", KEYS);
        TrainingSpec d = defaults();
        int epochs = node.has("epochs") ? node.get("epochs").requireInt("the number of epochs", 1) : d.epochs();
        int batchSize = node.has("batch_size")
                ? node.get("batch_size").requireInt("the batch size", 1) : d.batchSize();
        boolean shuffle = node.has("shuffle") ? node.get("shuffle").requireBoolean("shuffle") : d.shuffle();
        Long seed = node.has("seed") ? node.get("seed").requireLong("the seed") : null;
        int verbose = d.verbose();
        if (node.has("verbose")) {
            verbose = node.get("verbose").requireInt("verbose (0, 1 or 2)", 0);
            if (verbose > 2) {
                throw node.get("verbose").error("verbose must be 0 (silent), 1 (progress bar) or 2 "
                        + "(one line per epoch), got " + verbose);
            }
        }
        double split = 0;
        if (node.has("validation_split")) {
            split = node.get("validation_split").requireDouble("the validation split");
            if (!(split >= 0 && split < 1)) {
                throw node.get("validation_split").error("the validation split must be in [0, 1), got " + split);
            }
        }
        EarlyStoppingSpec early = null;
        if (node.has("early_stopping")) {
            ConfigNode e = node.get("early_stopping").requireObject("early stopping settings", EARLY_STOPPING_KEYS);
            String monitor = e.has("monitor") ? e.get("monitor").requireString("the monitored quantity") : "val_loss";
            int patience = e.has("patience") ? e.get("patience").requireInt("patience", 0) : 0;
            double minDelta = e.has("min_delta") ? e.get("min_delta").requireDouble("min_delta") : 0;
            if (minDelta < 0) {
                throw e.get("min_delta").error("min_delta must not be negative, got " + minDelta);
            }
            boolean restore = e.has("restore_best_weights")
                    && e.get("restore_best_weights").requireBoolean("restore_best_weights");
            early = new EarlyStoppingSpec(monitor, patience, minDelta, restore);
        }
        return new TrainingSpec(epochs, batchSize, shuffle, seed, verbose, split, early);
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
