package org.neurite.optimizers;

import java.util.List;
import java.util.Map;
import org.neurite.core.spi.BaseOptimizer;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.spi.OptimizerSettings;

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
 * in float arithmetic, with {@code learning_rate} the step's learning rate. Slots: {@code rms/<parameter>}, and {@code momentum/<parameter>} when
 * momentum is not 0, {@code mg/<parameter>} when centered.
 *
 * <p>Immutable and thread-safe; the state of a run lives in its {@link Optimizer.Updater}.
 */
public final class Rmsprop extends BaseOptimizer {
    /** The registry name. */
    public static final String NAME = "rmsprop";

    private static final List<Hyperparameter> HYPERPARAMETERS = OptimizerSettings.declarations(0.001,
            Hyperparameter.number("rho", 0.9).between(0, 1),
            Hyperparameter.number("momentum", 0.0).between(0, 1),
            Hyperparameter.number("epsilon", 1e-7).greaterThan(0),
            Hyperparameter.bool("centered", false));

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
        this.rho = values.number("rho");
        this.momentum = values.number("momentum");
        this.epsilon = values.number("epsilon");
        this.centered = values.bool("centered");
    }

    @Override
    protected Rmsprop with(Map<String, ?> values) {
        return new Rmsprop(values);
    }

    /** {@code rms}, then {@code momentum} when momentum is not 0, then {@code mg} when centered. */
    @Override
    public List<Slot> slots() {
        List<Slot> slots = new java.util.ArrayList<>(List.of(new Slot("rms", 0f)));
        if (momentum > 0) {
            slots.add(new Slot("momentum", 0f));
        }
        if (centered) {
            slots.add(new Slot("mg", 0f));
        }
        return List.copyOf(slots);
    }

    @Override
    public void update(Step step, float[] w, float[] g, float[][] state) {
        float lr = (float) step.learningRate();
        float decayRate = (float) rho;
        float oneMinusRho = (float) (1 - rho);
        float mu = (float) momentum;
        float eps = (float) epsilon;
        float[] v = state[0];
        float[] s = momentum > 0 ? state[1] : null;
        float[] mg = centered ? state[momentum > 0 ? 2 : 1] : null;
        for (int i = 0; i < w.length; i++) {
            float gi = g[i];
            v[i] = decayRate * v[i] + oneMinusRho * (gi * gi);
            float denominator = v[i];
            if (centered) {
                mg[i] = decayRate * mg[i] + oneMinusRho * gi;
                denominator = v[i] - mg[i] * mg[i];
            }
            float increment = lr * gi / (float) Math.sqrt(denominator + eps);
            if (s != null) {
                s[i] = mu * s[i] + increment;
                w[i] -= s[i];
            } else {
                w[i] -= increment;
            }
        }
    }
}
