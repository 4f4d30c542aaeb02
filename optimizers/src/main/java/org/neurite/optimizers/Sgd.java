package org.neurite.optimizers;

import java.util.List;
import java.util.Map;
import org.neurite.core.spi.BaseOptimizer;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.spi.OptimizerSettings;

/**
 * Stochastic gradient descent, {@code sgd}, with optional momentum, Nesterov momentum and
 * Keras's legacy learning-rate decay.
 *
 * <p>With {@code lr} the step's learning rate and {@code lr_t = lr / (1 + decay·iterations)}
 * ({@code iterations} = steps already taken, 0 at the first step; {@code decay} is the legacy
 * option of Keras ≤ 2.10, 0 by default):
 * <ul>
 *   <li>momentum 0: {@code w ← w − lr_t·g};</li>
 *   <li>momentum {@code m}: {@code v ← m·v − lr_t·g; w ← w + v};</li>
 *   <li>Nesterov: {@code v ← m·v − lr_t·g; w ← w + m·v − lr_t·g}.</li>
 * </ul>
 * {@code lr_t} is computed in double once per step; the element updates are float operations in
 * the order of TensorFlow's float32 kernels ({@code ApplyGradientDescent}, {@code
 * ApplyKerasMomentum}). The velocity slot, {@code velocity/<parameter>}, exists only when
 * momentum is not 0. Takes the standard options of {@link OptimizerSettings}.
 *
 * <pre>{@code
 * Optimizer sgd = plugins.optimizers().create("sgd", Map.of("learning_rate", 0.1, "momentum", 0.9));
 * Optimizer.Updater run = sgd.start(network.parameters());
 * }</pre>
 *
 * <p>Immutable and thread-safe; the state of a run lives in its {@link Optimizer.Updater}.
 */
public final class Sgd extends BaseOptimizer {
    /** The registry name. */
    public static final String NAME = "sgd";

    private static final List<Hyperparameter> HYPERPARAMETERS = OptimizerSettings.declarations(0.01,
            Hyperparameter.number("momentum", 0.0).between(0, 1),
            Hyperparameter.bool("nesterov", false),
            Hyperparameter.number("decay", 0.0).atLeast(0));

    private final float momentum;
    private final boolean nesterov;
    private final double decay;
    private final List<Slot> slots;

    /** SGD with Keras's defaults: learning_rate 0.01, momentum 0, nesterov false, decay 0. */
    public Sgd() {
        this(Map.of());
    }

    private Sgd(Map<String, ?> given) {
        super(NAME, HYPERPARAMETERS, given);
        Hyperparameters values = values();
        this.momentum = (float) values.number("momentum");
        this.nesterov = values.bool("nesterov");
        this.decay = values.number("decay");
        this.slots = momentum == 0 ? List.of() : List.of(new Slot("velocity", 0f));
    }

    @Override
    protected Sgd with(Map<String, ?> values) {
        return new Sgd(values);
    }

    /** The velocity, when momentum is not 0. */
    @Override
    public List<Slot> slots() {
        return slots;
    }

    @Override
    public void update(Step step, float[] w, float[] g, float[][] state) {
        float lr = (float) (step.learningRate() / (1 + decay * step.iterations()));
        if (momentum == 0) {
            for (int i = 0; i < w.length; i++) {
                w[i] -= g[i] * lr;
            }
            return;
        }
        float m = momentum;
        float[] v = state[0];
        if (nesterov) {
            for (int i = 0; i < w.length; i++) {
                v[i] = v[i] * m - g[i] * lr;
                w[i] += v[i] * m - g[i] * lr;
            }
        } else {
            for (int i = 0; i < w.length; i++) {
                v[i] = v[i] * m - g[i] * lr;
                w[i] += v[i];
            }
        }
    }
}
