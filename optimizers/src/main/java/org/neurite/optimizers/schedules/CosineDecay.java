package org.neurite.optimizers.schedules;

import java.util.List;
import java.util.Map;
import org.neurite.core.spi.Hyperparameter;

/**
 * {@code cosine_decay}, Keras 3's {@code CosineDecay} with its linear warm-up. Without
 * {@code warmup_target}: {@code s = min(step, decay_steps)},
 * {@code lr = initial·((1 − alpha)·½(1 + cos(π·s/decay_steps)) + alpha)}. With it:
 * {@code s = min(step, decay_steps + warmup_steps)}; while {@code s < warmup_steps},
 * {@code lr = initial + (warmup_target − initial)·s/warmup_steps}; after, the cosine decay of
 * {@code s − warmup_steps} starting from {@code warmup_target}. Defaults: alpha 0, no warm-up
 * (warmup_steps 0). Immutable.
 */
public final class CosineDecay extends ConfiguredSchedule {
    private static final List<Hyperparameter> DECLARED = List.of(
            Hyperparameter.number("initial_learning_rate", 0.01).atLeast(0).required(),
            Hyperparameter.number("decay_steps", 1.0).greaterThan(0).required(),
            Hyperparameter.number("alpha", 0.0).between(0, 1),
            Hyperparameter.number("warmup_target", 0.01).greaterThan(0).optional(),
            Hyperparameter.number("warmup_steps", 0.0).atLeast(0));

    private final double initial;
    private final double decaySteps;
    private final double alpha;
    private final Double warmupTarget;
    private final double warmupSteps;

    /** The discovered instance; it must be configured to be evaluated. */
    public CosineDecay() {
        this(null);
    }

    private CosineDecay(Map<String, ?> given) {
        super("cosine_decay", DECLARED, given);
        boolean set = given != null;
        initial = set ? values().number("initial_learning_rate") : Double.NaN;
        decaySteps = set ? values().number("decay_steps") : Double.NaN;
        alpha = set ? values().number("alpha") : Double.NaN;
        warmupTarget = set && values().has("warmup_target") ? values().number("warmup_target") : null;
        warmupSteps = set ? values().number("warmup_steps") : Double.NaN;
    }

    @Override
    CosineDecay with(Map<String, ?> values) {
        return new CosineDecay(values);
    }

    private double decay(double s, double from) {
        double cosine = 0.5 * (1 + Math.cos(Math.PI * (s / decaySteps)));
        return from * ((1 - alpha) * cosine + alpha);
    }

    @Override
    public double learningRate(long step) {
        values();
        if (warmupTarget == null) {
            return decay(Math.min(step, decaySteps), initial);
        }
        double s = Math.min(step, decaySteps + warmupSteps);
        if (s < warmupSteps) {
            return (warmupTarget - initial) * (s / warmupSteps) + initial;
        }
        return decay(s - warmupSteps, warmupTarget);
    }
}
