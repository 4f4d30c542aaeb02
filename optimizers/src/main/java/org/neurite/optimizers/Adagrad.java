package org.neurite.optimizers;

import java.util.List;
import java.util.Map;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.tensor.Parameter;

/**
 * Adagrad, {@code adagrad}, as Keras 3 computes it: per weight
 * {@code acc ← acc + g²; w ← w − learning_rate·g / sqrt(acc + ε)} in float arithmetic, with the
 * accumulator, slot {@code accumulator/<parameter>}, starting at
 * {@code initial_accumulator_value}.
 *
 * <p>Immutable and thread-safe; the state of a run lives in its {@link Optimizer.Updater}.
 */
public final class Adagrad extends ConfiguredOptimizer {
    /** The registry name. */
    public static final String NAME = "adagrad";

    private static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.number("learning_rate", 0.001).greaterThan(0),
            Hyperparameter.number("initial_accumulator_value", 0.1).atLeast(0),
            Hyperparameter.number("epsilon", 1e-7).greaterThan(0));

    private final double learningRate;
    private final double initialAccumulatorValue;
    private final double epsilon;

    /**
     * Adagrad with Keras's defaults: learning_rate 0.001, initial_accumulator_value 0.1,
     * epsilon 1e-7.
     */
    public Adagrad() {
        this(Map.of());
    }

    private Adagrad(Map<String, ?> given) {
        super(NAME, HYPERPARAMETERS, given);
        Hyperparameters values = values();
        this.learningRate = values.number("learning_rate");
        this.initialAccumulatorValue = values.number("initial_accumulator_value");
        this.epsilon = values.number("epsilon");
    }

    /**
     * A new Adagrad with {@code values}; they are checked again against
     * {@link #hyperparameters()}.
     *
     * @return a new instance; this one is unchanged
     * @throws org.neurite.core.spi.HyperparameterException for an unknown key or a value of the
     *         wrong type or out of range
     */
    @Override
    public Adagrad configure(Hyperparameters values) {
        return new Adagrad(values.asMap());
    }

    /** A new run over {@code parameters}, with accumulators at initial_accumulator_value. */
    @Override
    public Updater start(List<Parameter> parameters) {
        return new Run(parameters);
    }

    private final class Run extends SlotUpdater {
        private final float[][] accumulators;

        Run(List<Parameter> parameters) {
            super(NAME, parameters);
            accumulators = slot("accumulator", (float) initialAccumulatorValue);
        }

        @Override
        void update(long stepsDone) {
            float lr = (float) learningRate;
            float eps = (float) epsilon;
            for (int p = 0; p < weights.length; p++) {
                float[] w = weights[p];
                float[] g = gradients[p];
                float[] acc = accumulators[p];
                for (int i = 0; i < w.length; i++) {
                    float gi = g[i];
                    acc[i] += gi * gi;
                    w[i] -= lr * gi / (float) Math.sqrt(acc[i] + eps);
                }
            }
        }
    }
}
