package org.neurite.optimizers.schedules;

import java.util.List;
import java.util.Map;
import org.neurite.core.spi.Hyperparameter;

/**
 * {@code inverse_time_decay}, Keras's {@code InverseTimeDecay}:
 * {@code initial_learning_rate / (1 + decay_rate · step / decay_steps)}, the quotient floored
 * when {@code staircase}. Immutable.
 */
public final class InverseTimeDecay extends ConfiguredSchedule {
    private static final List<Hyperparameter> DECLARED = List.of(
            Hyperparameter.number("initial_learning_rate", 0.01).greaterThan(0).required(),
            Hyperparameter.number("decay_steps", 1.0).greaterThan(0).required(),
            Hyperparameter.number("decay_rate", 1.0).atLeast(0).required(),
            Hyperparameter.bool("staircase", false));

    private final double initial;
    private final double decaySteps;
    private final double decayRate;
    private final boolean staircase;

    /** The discovered instance; it must be configured to be evaluated. */
    public InverseTimeDecay() {
        this(null);
    }

    private InverseTimeDecay(Map<String, ?> given) {
        super("inverse_time_decay", DECLARED, given);
        boolean set = given != null;
        initial = set ? values().number("initial_learning_rate") : Double.NaN;
        decaySteps = set ? values().number("decay_steps") : Double.NaN;
        decayRate = set ? values().number("decay_rate") : Double.NaN;
        staircase = set && values().bool("staircase");
    }

    @Override
    InverseTimeDecay with(Map<String, ?> values) {
        return new InverseTimeDecay(values);
    }

    @Override
    public double learningRate(long step) {
        values();
        double p = step / decaySteps;
        return initial / (1 + decayRate * (staircase ? Math.floor(p) : p));
    }
}
