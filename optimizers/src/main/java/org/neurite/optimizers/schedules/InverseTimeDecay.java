package org.neurite.optimizers.schedules;

import java.util.Map;
import org.neurite.core.spi.Hyperparameter;

/**
 * {@code inverse_time_decay}, Keras's {@code InverseTimeDecay}:
 * {@code initial_learning_rate / (1 + decay_rate · step / decay_steps)}, the quotient floored
 * when {@code staircase}. Immutable.
 */
public final class InverseTimeDecay extends StaircaseDecay {
    /** The discovered instance; it must be configured to be evaluated. */
    public InverseTimeDecay() {
        this(null);
    }

    private InverseTimeDecay(Map<String, ?> given) {
        super("inverse_time_decay", Hyperparameter.number("decay_rate", 1.0).atLeast(0), given);
    }

    @Override
    InverseTimeDecay with(Map<String, ?> values) {
        return new InverseTimeDecay(values);
    }

    @Override
    double decay(double initial, double decayRate, double p) {
        return initial / (1 + decayRate * p);
    }
}
