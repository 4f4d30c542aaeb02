package org.neurite.optimizers.schedules;

import java.util.Map;
import org.neurite.core.spi.Hyperparameter;

/**
 * {@code exponential_decay}, Keras's {@code ExponentialDecay}:
 * {@code initial_learning_rate · decay_rate^(step / decay_steps)}, the exponent floored when
 * {@code staircase}. Immutable.
 */
public final class ExponentialDecay extends StaircaseDecay {
    /** The discovered instance; it must be configured to be evaluated. */
    public ExponentialDecay() {
        this(null);
    }

    private ExponentialDecay(Map<String, ?> given) {
        super("exponential_decay", Hyperparameter.number("decay_rate", 1.0).greaterThan(0), given);
    }

    @Override
    ExponentialDecay with(Map<String, ?> values) {
        return new ExponentialDecay(values);
    }

    @Override
    double decay(double initial, double decayRate, double p) {
        return initial * Math.pow(decayRate, p);
    }
}
