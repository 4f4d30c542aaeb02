package org.neurite.optimizers;

import java.util.List;
import java.util.Map;
import org.neurite.core.spi.BaseOptimizer;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.spi.OptimizerSettings;

/**
 * Nadam, {@code nadam} (Dozat): Adam with Nesterov momentum, as Keras 3 computes it, with its
 * momentum schedule {@code u_k = β1·(1 − 0.5·0.96^k)}.
 *
 * <p>At step {@code t} (counted from 1), with {@code lr} the step's learning rate and
 * {@code Π_t = u_1·…·u_t}:
 * <pre>
 * m ← m + (g − m)·(1 − β1);   v ← v + (g² − v)·(1 − β2)
 * m̂ = u_{t+1}·m / (1 − Π_t·u_{t+1}) + (1 − u_t)·g / (1 − Π_t)
 * v̂ = v / (1 − β2^t)
 * w ← w − m̂·lr / (sqrt(v̂) + ε)
 * </pre>
 * The schedule's coefficients are computed in double from the step count, so the product
 * {@code Π_t}, a variable in Keras, needs no state of its own and resumes exactly; the element
 * updates are float. Slots: {@code m/<parameter>}, {@code v/<parameter>}. Takes the standard
 * options of {@link OptimizerSettings}.
 *
 * <p>Immutable and thread-safe; the state of a run lives in its {@link Optimizer.Updater}.
 */
public final class Nadam extends BaseOptimizer {
    /** The registry name. */
    public static final String NAME = "nadam";

    private static final List<Hyperparameter> HYPERPARAMETERS = OptimizerSettings.declarations(0.001,
            Hyperparameter.number("beta_1", 0.9).atLeast(0).lessThan(1),
            Hyperparameter.number("beta_2", 0.999).atLeast(0).lessThan(1),
            Hyperparameter.number("epsilon", 1e-7).greaterThan(0));
    private static final List<Slot> SLOTS = List.of(new Slot("m", 0f), new Slot("v", 0f));
    /** Beyond this many steps, {@code 1 − 0.5·0.96^k} is 1 in double. */
    private static final int SCHEDULE_STEPS = 1200;

    private final double beta1;
    private final double beta2;
    private final double epsilon;

    /** Nadam with Keras's defaults: learning_rate 0.001, beta_1 0.9, beta_2 0.999, epsilon 1e-7. */
    public Nadam() {
        this(Map.of());
    }

    private Nadam(Map<String, ?> given) {
        super(NAME, HYPERPARAMETERS, given);
        Hyperparameters values = values();
        this.beta1 = values.number("beta_1");
        this.beta2 = values.number("beta_2");
        this.epsilon = values.number("epsilon");
    }

    @Override
    protected Nadam with(Map<String, ?> values) {
        return new Nadam(values);
    }

    /** The moments {@code m} and {@code v}. */
    @Override
    public List<Slot> slots() {
        return SLOTS;
    }

    /** {@code Π_t = u_1·…·u_t}, in double. */
    double momentumProduct(long t) {
        double product = 1;
        double power = 1;
        long exact = Math.min(t, SCHEDULE_STEPS);
        for (long k = 1; k <= exact; k++) {
            power *= 0.96;
            product *= beta1 * (1 - 0.5 * power);
        }
        if (t > exact) {
            product *= Math.pow(beta1, t - exact);
        }
        return product;
    }

    @Override
    public void update(Step step, float[] w, float[] g, float[][] state) {
        long t = step.iterations() + 1;
        double ut = beta1 * (1 - 0.5 * Math.pow(0.96, t));
        double utNext = beta1 * (1 - 0.5 * Math.pow(0.96, t + 1));
        double product = momentumProduct(t);
        float mCoefficient = (float) (utNext / (1 - product * utNext));
        float gCoefficient = (float) ((1 - ut) / (1 - product));
        float vCoefficient = (float) (1 / (1 - Math.pow(beta2, t)));
        float lr = (float) step.learningRate();
        float oneMinusBeta1 = (float) (1 - beta1);
        float oneMinusBeta2 = (float) (1 - beta2);
        float eps = (float) epsilon;
        float[] m = state[0];
        float[] v = state[1];
        for (int i = 0; i < w.length; i++) {
            float gi = g[i];
            m[i] += (gi - m[i]) * oneMinusBeta1;
            v[i] += (gi * gi - v[i]) * oneMinusBeta2;
            float mHat = mCoefficient * m[i] + gCoefficient * gi;
            float vHat = v[i] * vCoefficient;
            w[i] -= mHat * lr / ((float) Math.sqrt(vHat) + eps);
        }
    }
}
