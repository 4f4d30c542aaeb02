package org.neurite.optimizers;

import java.util.List;
import java.util.Map;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.tensor.Parameter;

/**
 * RMSprop, {@code rmsprop}, as tf.keras 2.11+ and Keras 3 compute it, optionally centered and
 * with momentum.
 *
 * <p>For each weight:
 * <pre>
 * v ← ρ·v + (1 − ρ)·g²
 * centered:  mg ← ρ·mg + (1 − ρ)·g;  d = v − mg²      otherwise d = v
 * increment = learning_rate·g / sqrt(d + ε)
 * momentum > 0:  s ← momentum·s + increment;  w ← w − s
 * otherwise:     w ← w − increment
 * </pre>
 * in float arithmetic. Slots: {@code rms/<parameter>}, and {@code momentum/<parameter>} when
 * momentum is not 0, {@code mg/<parameter>} when centered.
 *
 * <p>Immutable and thread-safe; the state of a run lives in its {@link Optimizer.Updater}.
 */
public final class Rmsprop extends ConfiguredOptimizer {
    /** The registry name. */
    public static final String NAME = "rmsprop";

    private static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.number("learning_rate", 0.001).greaterThan(0),
            Hyperparameter.number("rho", 0.9).between(0, 1),
            Hyperparameter.number("momentum", 0.0).between(0, 1),
            Hyperparameter.number("epsilon", 1e-7).greaterThan(0),
            Hyperparameter.bool("centered", false));

    private final double learningRate;
    private final double rho;
    private final double momentum;
    private final double epsilon;
    private final boolean centered;

    /** RMSprop with Keras's defaults: learning_rate 0.001, rho 0.9, momentum 0, epsilon 1e-7. */
    public Rmsprop() {
        this(Map.of());
    }

    private Rmsprop(Map<String, ?> given) {
        super(NAME, HYPERPARAMETERS, given);
        Hyperparameters values = values();
        this.learningRate = values.number("learning_rate");
        this.rho = values.number("rho");
        this.momentum = values.number("momentum");
        this.epsilon = values.number("epsilon");
        this.centered = values.bool("centered");
    }

    /**
     * A new RMSprop with {@code values}; they are checked again against
     * {@link #hyperparameters()}.
     *
     * @return a new instance; this one is unchanged
     * @throws org.neurite.core.spi.HyperparameterException for an unknown key or a value of the
     *         wrong type or out of range
     */
    @Override
    public Rmsprop configure(Hyperparameters values) {
        return new Rmsprop(values.asMap());
    }

    /** A new run over {@code parameters}, with zero accumulators. */
    @Override
    public Updater start(List<Parameter> parameters) {
        return new Run(parameters);
    }

    private final class Run extends SlotUpdater {
        private final float[][] rms;
        private final float[][] velocity;
        private final float[][] meanGradient;

        Run(List<Parameter> parameters) {
            super(NAME, parameters);
            rms = slot("rms", 0f);
            velocity = momentum > 0 ? slot("momentum", 0f) : null;
            meanGradient = centered ? slot("mg", 0f) : null;
        }

        @Override
        void update(long stepsDone) {
            float lr = (float) learningRate;
            float decayRate = (float) rho;
            float oneMinusRho = (float) (1 - rho);
            float mu = (float) momentum;
            float eps = (float) epsilon;
            for (int p = 0; p < weights.length; p++) {
                float[] w = weights[p];
                float[] g = gradients[p];
                float[] v = rms[p];
                for (int i = 0; i < w.length; i++) {
                    float gi = g[i];
                    v[i] = decayRate * v[i] + oneMinusRho * (gi * gi);
                    float denominator = v[i];
                    if (centered) {
                        float[] mg = meanGradient[p];
                        mg[i] = decayRate * mg[i] + oneMinusRho * gi;
                        denominator = v[i] - mg[i] * mg[i];
                    }
                    float increment = lr * gi / (float) Math.sqrt(denominator + eps);
                    if (velocity != null) {
                        float[] s = velocity[p];
                        s[i] = mu * s[i] + increment;
                        w[i] -= s[i];
                    } else {
                        w[i] -= increment;
                    }
                }
            }
        }
    }
}
