package org.neurite.optimizers;

import java.util.List;
import java.util.Map;
import org.neurite.core.spi.BaseOptimizer;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.spi.OptimizerSettings;

/**
 * Adagrad, {@code adagrad}, as Keras 3 computes it: per weight
 * {@code acc ← acc + g²; w ← w − learning_rate·g / sqrt(acc + ε)} in float arithmetic, with the
 * accumulator, slot {@code accumulator/<parameter>}, starting at
 * {@code initial_accumulator_value}; {@code learning_rate} is the step's learning rate. Takes the
 * standard options of {@link OptimizerSettings}.
 *
 * <p>Immutable and thread-safe; the state of a run lives in its {@link Optimizer.Updater}.
 */
public final class Adagrad extends BaseOptimizer {
    /** The registry name. */
    public static final String NAME = "adagrad";

    private static final List<Hyperparameter> HYPERPARAMETERS = OptimizerSettings.declarations(0.001,
            Hyperparameter.number("initial_accumulator_value", 0.1).atLeast(0),
            Hyperparameter.number("epsilon", 1e-7).greaterThan(0));

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
        this.initialAccumulatorValue = values.number("initial_accumulator_value");
        this.epsilon = values.number("epsilon");
    }

    @Override
    protected Adagrad with(Map<String, ?> values) {
        return new Adagrad(values);
    }

    /** The accumulator, starting at initial_accumulator_value. */
    @Override
    public List<Slot> slots() {
        return List.of(new Slot("accumulator", (float) initialAccumulatorValue));
    }

    @Override
    public void update(Step step, float[] w, float[] g, float[][] state) {
        float lr = (float) step.learningRate();
        float eps = (float) epsilon;
        float[] acc = state[0];
        for (int i = 0; i < w.length; i++) {
            float gi = g[i];
            acc[i] += gi * gi;
            w[i] -= lr * gi / (float) Math.sqrt(acc[i] + eps);
        }
    }
}
