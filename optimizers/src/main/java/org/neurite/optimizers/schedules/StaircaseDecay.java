package org.neurite.optimizers.schedules;

import java.util.List;
import java.util.Map;
import org.neurite.core.spi.Hyperparameter;

/**
 * A decay driven by {@code p = step / decay_steps}, floored when {@code staircase}: what
 * {@code exponential_decay} and {@code inverse_time_decay} share (Keras's
 * {@code initial_learning_rate}, {@code decay_steps}, {@code decay_rate}, {@code staircase}).
 */
abstract class StaircaseDecay extends ConfiguredSchedule {
    private final double initial;
    private final double decaySteps;
    private final double decayRate;
    private final boolean staircase;

    StaircaseDecay(String name, Hyperparameter decayRateDeclaration, Map<String, ?> given) {
        super(name, List.of(
                Hyperparameter.number("initial_learning_rate", 0.01).greaterThan(0).required(),
                Hyperparameter.number("decay_steps", 1.0).greaterThan(0).required(),
                decayRateDeclaration.required(),
                Hyperparameter.bool("staircase", false)), given);
        boolean set = given != null;
        initial = set ? values().number("initial_learning_rate") : Double.NaN;
        decaySteps = set ? values().number("decay_steps") : Double.NaN;
        decayRate = set ? values().number("decay_rate") : Double.NaN;
        staircase = set && values().bool("staircase");
    }

    /** The learning rate at progress {@code p} (already floored if staircase). */
    abstract double decay(double initial, double decayRate, double p);

    @Override
    public final double learningRate(long step) {
        values();
        double p = step / decaySteps;
        return decay(initial, decayRate, staircase ? Math.floor(p) : p);
    }
}
