package org.neurite.optimizers.schedules;

import java.util.List;
import java.util.Map;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.HyperparameterException;

/**
 * {@code piecewise_constant_decay}, Keras's {@code PiecewiseConstantDecay}: {@code values[0]}
 * while {@code step ≤ boundaries[0]}, {@code values[i]} while {@code boundaries[i−1] < step ≤
 * boundaries[i]}, and {@code values[n]} once {@code step > boundaries[n−1]}. {@code boundaries}
 * (whole numbers of steps, at least one, strictly increasing) and {@code values} (one more than
 * the boundaries) are required:
 * {@code {name: piecewise_constant_decay, boundaries: [1000, 2000], values: [0.1, 0.01, 0.001]}}.
 * Immutable.
 */
public final class PiecewiseConstantDecay extends ConfiguredSchedule {
    private static final List<Hyperparameter> DECLARED = List.of(
            Hyperparameter.integers("boundaries").atLeast(0).required(),
            Hyperparameter.numbers("values").atLeast(0).required());

    private final long[] boundaries;
    private final double[] values;

    /** The discovered instance; it must be configured to be evaluated. */
    public PiecewiseConstantDecay() {
        this(null);
    }

    private PiecewiseConstantDecay(Map<String, ?> given) {
        super("piecewise_constant_decay", DECLARED, given);
        if (given == null) {
            boundaries = null;
            values = null;
            return;
        }
        List<Long> b = values().integers("boundaries");
        List<Double> v = values().numbers("values");
        String label = "learning-rate schedule 'piecewise_constant_decay': ";
        if (b.isEmpty()) {
            throw new HyperparameterException("boundaries", label + "boundaries is empty; give at least one step "
                    + "at which the learning rate changes, such as boundaries: [1000], values: [0.1, 0.01] (for a "
                    + "rate that never changes, give learning_rate a number).");
        }
        for (int i = 1; i < b.size(); i++) {
            if (b.get(i) <= b.get(i - 1)) {
                throw new HyperparameterException("boundaries", label + "boundaries " + b + " must be strictly "
                        + "increasing, but boundaries[" + i + "] = " + b.get(i) + " is not greater than boundaries["
                        + (i - 1) + "] = " + b.get(i - 1) + ".");
            }
        }
        if (v.size() != b.size() + 1) {
            throw new HyperparameterException("values", label + "values " + v + " has " + v.size() + " element"
                    + (v.size() == 1 ? "" : "s") + " but boundaries " + b + " has " + b.size() + ", so values needs "
                    + (b.size() + 1) + ": one for the steps up to the first boundary and one after each boundary.");
        }
        boundaries = b.stream().mapToLong(Long::longValue).toArray();
        values = v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    PiecewiseConstantDecay with(Map<String, ?> values) {
        return new PiecewiseConstantDecay(values);
    }

    @Override
    public double learningRate(long step) {
        values();
        int i = 0;
        while (i < boundaries.length && step > boundaries[i]) {
            i++;
        }
        return values[i];
    }
}
