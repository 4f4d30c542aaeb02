package org.neurite.optimizers.schedules;

import java.util.List;
import java.util.Map;
import org.neurite.core.spi.Hyperparameter;

/**
 * {@code cosine_decay_restarts}, Keras's {@code CosineDecayRestarts} (SGDR): with
 * {@code f = step / first_decay_steps}, restart {@code i} and fraction {@code c} within it are
 * {@code i = floor(f), c = f − i} when {@code t_mul = 1}, otherwise
 * {@code i = floor(log(1 − f·(1 − t_mul)) / log(t_mul))},
 * {@code c = (f − (1 − t_mul^i)/(1 − t_mul)) / t_mul^i}; then
 * {@code lr = initial·((1 − alpha)·½·m_mul^i·(1 + cos(π·c)) + alpha)}. Defaults: t_mul 2,
 * m_mul 1, alpha 0. Immutable.
 */
public final class CosineDecayRestarts extends ConfiguredSchedule {
    private static final List<Hyperparameter> DECLARED = List.of(
            Hyperparameter.number("initial_learning_rate", 0.01).atLeast(0).required(),
            Hyperparameter.number("first_decay_steps", 1.0).greaterThan(0).required(),
            Hyperparameter.number("t_mul", 2.0).greaterThan(0),
            Hyperparameter.number("m_mul", 1.0).atLeast(0),
            Hyperparameter.number("alpha", 0.0).between(0, 1));

    private final double initial;
    private final double firstDecaySteps;
    private final double tMul;
    private final double mMul;
    private final double alpha;

    /** The discovered instance; it must be configured to be evaluated. */
    public CosineDecayRestarts() {
        this(null);
    }

    private CosineDecayRestarts(Map<String, ?> given) {
        super("cosine_decay_restarts", DECLARED, given);
        boolean set = given != null;
        initial = set ? values().number("initial_learning_rate") : Double.NaN;
        firstDecaySteps = set ? values().number("first_decay_steps") : Double.NaN;
        tMul = set ? values().number("t_mul") : Double.NaN;
        mMul = set ? values().number("m_mul") : Double.NaN;
        alpha = set ? values().number("alpha") : Double.NaN;
    }

    @Override
    CosineDecayRestarts with(Map<String, ?> values) {
        return new CosineDecayRestarts(values);
    }

    @Override
    public double learningRate(long step) {
        values();
        double f = step / firstDecaySteps;
        double restart;
        double fraction;
        if (tMul == 1.0) {
            restart = Math.floor(f);
            fraction = f - restart;
        } else {
            restart = Math.floor(Math.log(1 - f * (1 - tMul)) / Math.log(tMul));
            double sum = (1 - Math.pow(tMul, restart)) / (1 - tMul);
            fraction = (f - sum) / Math.pow(tMul, restart);
        }
        double cosine = 0.5 * Math.pow(mMul, restart) * (1 + Math.cos(Math.PI * fraction));
        return initial * ((1 - alpha) * cosine + alpha);
    }
}
