package org.neurite.optimizers;

import java.util.List;
import java.util.Map;
import org.neurite.core.spi.BaseOptimizer;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.OptimizerSettings;

/**
 * Adam's hyperparameters, slots and update, shared by {@code adam} and {@code adamw}, which
 * differ only in the default of core's decoupled weight decay.
 *
 * <p>At step {@code t = iterations + 1}: {@code m += (g − m)·(1 − β1)},
 * {@code v += (g² − v)·(1 − β2)}, with AMSGrad {@code v̂ = max(v̂, v)},
 * {@code w −= m·lr_t / (sqrt(v̂) + ε)}, {@code lr_t = lr·sqrt(1 − β2^t) / (1 − β1^t)} in double.
 */
abstract class AdamFamily extends BaseOptimizer {
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final boolean amsgrad;
    private final List<Slot> slots;

    AdamFamily(String name, List<Hyperparameter> declared, Map<String, ?> given) {
        super(name, declared, given);
        Hyperparameters values = values();
        this.beta1 = values.number("beta_1");
        this.beta2 = values.number("beta_2");
        this.epsilon = values.number("epsilon");
        this.amsgrad = values.bool("amsgrad");
        this.slots = amsgrad ? List.of(new Slot("m", 0f), new Slot("v", 0f), new Slot("vhat", 0f))
                : List.of(new Slot("m", 0f), new Slot("v", 0f));
    }

    /** Adam's declarations with the standard options; {@code weightDecay} null keeps core's default. */
    static List<Hyperparameter> declarations(Double weightDecay) {
        return OptimizerSettings.declarations(0.001, weightDecay,
                Hyperparameter.number("beta_1", 0.9).atLeast(0).lessThan(1),
                Hyperparameter.number("beta_2", 0.999).atLeast(0).lessThan(1),
                Hyperparameter.number("epsilon", 1e-7).greaterThan(0),
                Hyperparameter.bool("amsgrad", false));
    }

    /** The moments {@code m} and {@code v}, and {@code vhat} with AMSGrad. */
    @Override
    public final List<Slot> slots() {
        return slots;
    }

    @Override
    public final void update(Step step, float[] w, float[] g, float[][] state) {
        double t = step.iterations() + 1;
        float lr = (float) (step.learningRate() * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
        float oneMinusBeta1 = (float) (1 - beta1);
        float oneMinusBeta2 = (float) (1 - beta2);
        float eps = (float) epsilon;
        float[] m = state[0];
        float[] v = state[1];
        float[] denominator = amsgrad ? state[2] : v;
        for (int i = 0; i < w.length; i++) {
            float gi = g[i];
            m[i] += (gi - m[i]) * oneMinusBeta1;
            v[i] += (gi * gi - v[i]) * oneMinusBeta2;
            if (amsgrad) {
                denominator[i] = Math.max(denominator[i], v[i]);
            }
            w[i] -= m[i] * lr / ((float) Math.sqrt(denominator[i]) + eps);
        }
    }
}
