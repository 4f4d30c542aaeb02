package org.neurite.core.train;

import org.neurite.core.data.Dataset;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How to run {@link Trainer#fit}: Keras's {@code fit} arguments, with Keras's defaults
 * (batch size 32, shuffle on, verbose 1).
 *
 * <pre>{@code
 * FitOptions options = FitOptions.builder().epochs(1000).seed(42).verbose(2).build();
 * }</pre>
 *
 * @param epochs          number of passes over the data, ≥ 1
 * @param batchSize       samples per update, ≥ 1
 * @param shuffle         reorder the samples before each epoch
 * @param seed            drives shuffling; {@code null} picks one at random (and reports it)
 * @param validation      data evaluated after each epoch, or {@code null}
 * @param validationSplit fraction of the training data held out for validation, or 0
 * @param verbose         0 silent, 1 progress line (updated in place on a terminal), 2 a line
 *                        per epoch
 * @param logEvery        print every {@code logEvery}-th epoch (and the first and last)
 * @param out             where progress goes
 * @param listeners       callbacks, in order
 * @param classWeight     Keras's {@code class_weight}: a weight per class index that becomes each
 *                        training sample's weight ({@link ClassWeights}); empty for none. Not
 *                        applied to validation data, and not with a data set's own sample weights
 */
public record FitOptions(int epochs, int batchSize, boolean shuffle, Long seed, Dataset validation,
                         double validationSplit, int verbose, int logEvery, PrintStream out,
                         List<TrainingListener> listeners, Map<Integer, Double> classWeight) {

    public FitOptions {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch_size must be at least 1, got " + batchSize);
        }
        if (verbose < 0 || verbose > 2) {
            throw new IllegalArgumentException("verbose must be 0, 1 or 2, got " + verbose);
        }
        if (logEvery < 1) {
            throw new IllegalArgumentException("logEvery must be at least 1, got " + logEvery);
        }
        if (validationSplit != 0 && !(validationSplit > 0 && validationSplit < 1)) {
            throw new IllegalArgumentException("validation_split must be in (0, 1), got " + validationSplit);
        }
        if (validation != null && validationSplit != 0) {
            throw new IllegalArgumentException("give validation data or a validation split, not both");
        }
        Objects.requireNonNull(out, "out");
        listeners = List.copyOf(listeners);
        classWeight = Collections.unmodifiableMap(new TreeMap<>(classWeight));
    }

    /** Options without class weights. */
    public FitOptions(int epochs, int batchSize, boolean shuffle, Long seed, Dataset validation,
                      double validationSplit, int verbose, int logEvery, PrintStream out,
                      List<TrainingListener> listeners) {
        this(epochs, batchSize, shuffle, seed, validation, validationSplit, verbose, logEvery, out, listeners,
                Map.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.epochs = epochs;
        b.batchSize = batchSize;
        b.shuffle = shuffle;
        b.seed = seed;
        b.validation = validation;
        b.validationSplit = validationSplit;
        b.verbose = verbose;
        b.logEvery = logEvery;
        b.out = out;
        b.listeners.addAll(listeners);
        b.classWeight.putAll(classWeight);
        return b;
    }

    /** Builds {@link FitOptions}; see the record components for meanings and defaults. */
    public static final class Builder {
        private int epochs = 1;
        private int batchSize = 32;
        private boolean shuffle = true;
        private Long seed;
        private Dataset validation;
        private double validationSplit;
        private int verbose = 1;
        private int logEvery = 1;
        private PrintStream out = System.out;
        private final List<TrainingListener> listeners = new ArrayList<>();
        private final Map<Integer, Double> classWeight = new TreeMap<>();

        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        public Builder seed(Long seed) {
            this.seed = seed;
            return this;
        }

        public Builder validation(Dataset validation) {
            this.validation = validation;
            return this;
        }

        public Builder validationSplit(double validationSplit) {
            this.validationSplit = validationSplit;
            return this;
        }

        public Builder verbose(int verbose) {
            this.verbose = verbose;
            return this;
        }

        public Builder logEvery(int logEvery) {
            this.logEvery = logEvery;
            return this;
        }

        public Builder out(PrintStream out) {
            this.out = out;
            return this;
        }

        public Builder listener(TrainingListener listener) {
            this.listeners.add(Objects.requireNonNull(listener));
            return this;
        }

        /**
         * Keras's {@code class_weight}: the weight of the training samples of each class index
         * (classes left out weigh 1); replaces any given before.
         */
        public Builder classWeight(Map<Integer, ? extends Number> classWeight) {
            this.classWeight.clear();
            classWeight.forEach((k, v) -> this.classWeight.put(Objects.requireNonNull(k, "class index"),
                    Objects.requireNonNull(v, "class weight").doubleValue()));
            return this;
        }

        public FitOptions build() {
            return new FitOptions(epochs, batchSize, shuffle, seed, validation, validationSplit,
                    verbose, logEvery, out, listeners, classWeight);
        }
    }
}
