package org.neurite.optimizers;

import java.util.List;
import java.util.Map;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.tensor.Parameter;

/**
 * Adam, {@code adam} (Kingma and Ba), with Keras's defaults and optional AMSGrad.
 *
 * <p>At step {@code t} (counted from 1), for each weight:
 * <pre>
 * m ← β1·m + (1 − β1)·g            computed as m += (g − m)·(1 − β1), as TensorFlow
 * v ← β2·v + (1 − β2)·g²           computed as v += (g² − v)·(1 − β2)
 * v̂ ← max(v̂, v)                    AMSGrad only; otherwise v̂ = v
 * lr_t = learning_rate·sqrt(1 − β2^t) / (1 − β1^t)
 * w ← w − lr_t·m / (sqrt(v̂) + ε)
 * </pre>
 * {@code lr_t} is computed in double once per step, the rest in float. Slots:
 * {@code m/<parameter>}, {@code v/<parameter>} and, with AMSGrad, {@code vhat/<parameter>}.
 *
 * <p>Immutable and thread-safe; the state of a run lives in its {@link Optimizer.Updater}.
 */
public final class Adam extends ConfiguredOptimizer {
    /** The registry name. */
    public static final String NAME = "adam";

    private static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.number("learning_rate", 0.001).greaterThan(0),
            Hyperparameter.number("beta_1", 0.9).atLeast(0).lessThan(1),
            Hyperparameter.number("beta_2", 0.999).atLeast(0).lessThan(1),
            Hyperparameter.number("epsilon", 1e-7).greaterThan(0),
            Hyperparameter.bool("amsgrad", false));

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final boolean amsgrad;

    /** Adam with Keras's defaults: learning_rate 0.001, beta_1 0.9, beta_2 0.999, epsilon 1e-7. */
    public Adam() {
        this(Map.of());
    }

    private Adam(Map<String, ?> given) {
        super(NAME, HYPERPARAMETERS, given);
        Hyperparameters values = values();
        this.learningRate = values.number("learning_rate");
        this.beta1 = values.number("beta_1");
        this.beta2 = values.number("beta_2");
        this.epsilon = values.number("epsilon");
        this.amsgrad = values.bool("amsgrad");
    }

    /**
     * A new Adam with {@code values}; they are checked again against {@link #hyperparameters()}.
     *
     * @return a new instance; this one is unchanged
     * @throws org.neurite.core.spi.HyperparameterException for an unknown key or a value of the
     *         wrong type or out of range
     */
    @Override
    public Adam configure(Hyperparameters values) {
        return new Adam(values.asMap());
    }

    /** A new run over {@code parameters}, with zero moments. */
    @Override
    public Updater start(List<Parameter> parameters) {
        return new Run(parameters);
    }

    private final class Run extends SlotUpdater {
        private final float[][] m;
        private final float[][] v;
        private final float[][] vhat;

        Run(List<Parameter> parameters) {
            super(NAME, parameters);
            m = slot("m", 0f);
            v = slot("v", 0f);
            vhat = amsgrad ? slot("vhat", 0f) : null;
        }

        @Override
        void update(long stepsDone) {
            double t = stepsDone + 1;
            float lr = (float) (learningRate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
            float oneMinusBeta1 = (float) (1 - beta1);
            float oneMinusBeta2 = (float) (1 - beta2);
            float eps = (float) epsilon;
            for (int p = 0; p < weights.length; p++) {
                float[] w = weights[p];
                float[] g = gradients[p];
                float[] mp = m[p];
                float[] vp = v[p];
                float[] denominator = amsgrad ? vhat[p] : vp;
                for (int i = 0; i < w.length; i++) {
                    float gi = g[i];
                    mp[i] += (gi - mp[i]) * oneMinusBeta1;
                    vp[i] += (gi * gi - vp[i]) * oneMinusBeta2;
                    if (amsgrad) {
                        denominator[i] = Math.max(denominator[i], vp[i]);
                    }
                    w[i] -= mp[i] * lr / ((float) Math.sqrt(denominator[i]) + eps);
                }
            }
        }
    }
}
