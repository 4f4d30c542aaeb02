package org.neurite.optimizers.schedules;

import java.util.List;
import java.util.Map;
import org.neurite.core.spi.Hyperparameter;

/**
 * {@code exponential_decay}, Keras's {@code ExponentialDecay}:
 * {@code initial_learning_rate · decay_rate^(step / decay_steps)}, the exponent floored when
 * {@code staircase}. Immutable.
 */
public final class ExponentialDecay extends ConfiguredSchedule {
    private static final List<Hyperparameter> DECLARED = List.of(
            Hyperparameter.number("initial_learning_rate", 0.01).greaterThan(0).required(),
            Hyperparameter.number("decay_steps", 1.0).greaterThan(0).required(),
            Hyperparameter.number("decay_rate", 1.0).greaterThan(0).required(),
            Hyperparameter.bool("staircase", false));

    private final double initial;
    private final double decaySteps;
    private final double decayRate;
    private final boolean staircase;

    /** The discovered instance; it must be configured to be evaluated. */
    public ExponentialDecay() {
        this(null);
    }

    private ExponentialDecay(Map<String, ?> given) {
        super("exponential_decay", DECLARED, given);
        boolean set = given != null;
        initial = set ? values().number("initial_learning_rate") : Double.NaN;
        decaySteps = set ? values().number("decay_steps") : Double.NaN;
        decayRate = set ? values().number("decay_rate") : Double.NaN;
        staircase = set && values().bool("staircase");
    }

    @Override
    ExponentialDecay with(Map<String, ?> values) {
        return new ExponentialDecay(values);
    }

    @Override
    public double learningRate(long step) {
        values();
        double p = step / decaySteps;
        return initial * Math.pow(decayRate, staircase ? Math.floor(p) : p);
    }
}
