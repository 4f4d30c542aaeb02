package org.neurite.optimizers;

import java.util.List;
import java.util.Map;
import org.neurite.core.spi.BaseOptimizer;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.spi.OptimizerSettings;

/**
 * Adamax, {@code adamax} (Kingma and Ba, section 7.1): Adam with the infinity norm, as Keras 3
 * computes it. At step {@code t} (counted from 1), with {@code lr} the step's learning rate:
 * <pre>
 * m ← m + (g − m)·(1 − β1)
 * u ← max(β2·u, |g|)
 * w ← w − lr·m / ((1 − β1^t)·(u + ε))
 * </pre>
 * {@code 1 − β1^t} in double, the rest in float. Slots: {@code m/<parameter>},
 * {@code u/<parameter>}. Takes the standard options of {@link OptimizerSettings}.
 *
 * <p>Immutable and thread-safe; the state of a run lives in its {@link Optimizer.Updater}.
 */
public final class Adamax extends BaseOptimizer {
    /** The registry name. */
    public static final String NAME = "adamax";

    private static final List<Hyperparameter> HYPERPARAMETERS = OptimizerSettings.declarations(0.001,
            Hyperparameter.number("beta_1", 0.9).atLeast(0).lessThan(1),
            Hyperparameter.number("beta_2", 0.999).atLeast(0).lessThan(1),
            Hyperparameter.number("epsilon", 1e-7).greaterThan(0));
    private static final List<Slot> SLOTS = List.of(new Slot("m", 0f), new Slot("u", 0f));

    private final double beta1;
    private final double beta2;
    private final double epsilon;

    /** Adamax with Keras's defaults: learning_rate 0.001, beta_1 0.9, beta_2 0.999, epsilon 1e-7. */
    public Adamax() {
        this(Map.of());
    }

    private Adamax(Map<String, ?> given) {
        super(NAME, HYPERPARAMETERS, given);
        Hyperparameters values = values();
        this.beta1 = values.number("beta_1");
        this.beta2 = values.number("beta_2");
        this.epsilon = values.number("epsilon");
    }

    @Override
    protected Adamax with(Map<String, ?> values) {
        return new Adamax(values);
    }

    /** The first moment {@code m} and the weighted infinity norm {@code u}. */
    @Override
    public List<Slot> slots() {
        return SLOTS;
    }

    @Override
    public void update(Step step, float[] w, float[] g, float[][] state) {
        double t = step.iterations() + 1;
        float correction = (float) (1 - Math.pow(beta1, t));
        float lr = (float) step.learningRate();
        float oneMinusBeta1 = (float) (1 - beta1);
        float b2 = (float) beta2;
        float eps = (float) epsilon;
        float[] m = state[0];
        float[] u = state[1];
        for (int i = 0; i < w.length; i++) {
            float gi = g[i];
            m[i] += (gi - m[i]) * oneMinusBeta1;
            u[i] = Math.max(b2 * u[i], Math.abs(gi));
            w[i] -= lr * m[i] / (correction * (u[i] + eps));
        }
    }
}
