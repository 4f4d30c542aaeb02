package org.neurite.optimizers.schedules;

import java.util.List;
import java.util.Map;
import org.neurite.core.spi.Hyperparameter;

/**
 * {@code polynomial_decay}, Keras's {@code PolynomialDecay}: with {@code s = min(step,
 * decay_steps)}, {@code (initial − end)·(1 − s/decay_steps)^power + end}; with {@code cycle},
 * {@code decay_steps} is instead multiplied by {@code ceil(step / decay_steps)} (1 at step 0).
 * Defaults: end_learning_rate 0.0001, power 1, cycle false. Immutable.
 */
public final class PolynomialDecay extends ConfiguredSchedule {
    private static final List<Hyperparameter> DECLARED = List.of(
            Hyperparameter.number("initial_learning_rate", 0.01).greaterThan(0).required(),
            Hyperparameter.number("decay_steps", 1.0).greaterThan(0).required(),
            Hyperparameter.number("end_learning_rate", 0.0001).atLeast(0),
            Hyperparameter.number("power", 1.0).greaterThan(0),
            Hyperparameter.bool("cycle", false));

    private final double initial;
    private final double decaySteps;
    private final double end;
    private final double power;
    private final boolean cycle;

    /** The discovered instance; it must be configured to be evaluated. */
    public PolynomialDecay() {
        this(null);
    }

    private PolynomialDecay(Map<String, ?> given) {
        super("polynomial_decay", DECLARED, given);
        boolean set = given != null;
        initial = set ? values().number("initial_learning_rate") : Double.NaN;
        decaySteps = set ? values().number("decay_steps") : Double.NaN;
        end = set ? values().number("end_learning_rate") : Double.NaN;
        power = set ? values().number("power") : Double.NaN;
        cycle = set && values().bool("cycle");
    }

    @Override
    PolynomialDecay with(Map<String, ?> values) {
        return new PolynomialDecay(values);
    }

    @Override
    public double learningRate(long step) {
        values();
        double s = step;
        double steps = decaySteps;
        if (cycle) {
            steps *= step == 0 ? 1 : Math.ceil(s / decaySteps);
        } else {
            s = Math.min(s, steps);
        }
        return (initial - end) * Math.pow(1 - s / steps, power) + end;
    }
}
