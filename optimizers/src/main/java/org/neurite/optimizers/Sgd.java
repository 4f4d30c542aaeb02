package org.neurite.optimizers;

import java.util.List;
import java.util.Map;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.tensor.Parameter;

/**
 * Stochastic gradient descent, {@code sgd}, with optional momentum, Nesterov momentum and
 * Keras's legacy learning-rate decay.
 *
 * <p>With {@code lr_t = learning_rate / (1 + decay·iterations)} ({@code iterations} = steps
 * already taken, 0 at the first step):
 * <ul>
 *   <li>momentum 0: {@code w ← w − lr_t·g};</li>
 *   <li>momentum {@code m}: {@code v ← m·v − lr_t·g; w ← w + v};</li>
 *   <li>Nesterov: {@code v ← m·v − lr_t·g; w ← w + m·v − lr_t·g}.</li>
 * </ul>
 * {@code lr_t} is computed in double once per step; the element updates are float operations in
 * the order of TensorFlow's float32 kernels ({@code ApplyGradientDescent}, {@code
 * ApplyKerasMomentum}). The velocity slot, {@code velocity/<parameter>}, exists only when
 * momentum is not 0.
 *
 * <pre>{@code
 * Optimizer sgd = plugins.optimizers().create("sgd", Map.of("learning_rate", 0.1, "momentum", 0.9));
 * Optimizer.Updater run = sgd.start(network.parameters());
 * }</pre>
 *
 * <p>Immutable and thread-safe; the state of a run lives in its {@link Optimizer.Updater}.
 */
public final class Sgd extends ConfiguredOptimizer {
    /** The registry name. */
    public static final String NAME = "sgd";

    private static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.number("learning_rate", 0.01).greaterThan(0),
            Hyperparameter.number("momentum", 0.0).between(0, 1),
            Hyperparameter.bool("nesterov", false),
            Hyperparameter.number("decay", 0.0).atLeast(0));

    private final double learningRate;
    private final double momentum;
    private final boolean nesterov;
    private final double decay;

    /** SGD with Keras's defaults: learning_rate 0.01, momentum 0, nesterov false, decay 0. */
    public Sgd() {
        this(Map.of());
    }

    private Sgd(Map<String, ?> given) {
        super(NAME, HYPERPARAMETERS, given);
        Hyperparameters values = values();
        this.learningRate = values.number("learning_rate");
        this.momentum = values.number("momentum");
        this.nesterov = values.bool("nesterov");
        this.decay = values.number("decay");
    }

    /**
     * A new SGD with {@code values}; they are checked again against {@link #hyperparameters()}.
     *
     * @return a new instance; this one is unchanged
     * @throws org.neurite.core.spi.HyperparameterException for an unknown key or a value of the
     *         wrong type or out of range
     */
    @Override
    public Sgd configure(Hyperparameters values) {
        return new Sgd(values.asMap());
    }

    /** A new run over {@code parameters}, with zero velocities if momentum is not 0. */
    @Override
    public Updater start(List<Parameter> parameters) {
        return momentum == 0 ? new Plain(parameters) : new Momentum(parameters);
    }

    private float learningRateAt(long stepsDone) {
        return (float) (learningRate / (1 + decay * stepsDone));
    }

    /** {@code w ← w − lr_t·g}; no state. */
    private final class Plain extends SlotUpdater {
        Plain(List<Parameter> parameters) {
            super(NAME, parameters);
        }

        @Override
        void update(long stepsDone) {
            float lr = learningRateAt(stepsDone);
            for (int p = 0; p < weights.length; p++) {
                float[] w = weights[p];
                float[] g = gradients[p];
                for (int i = 0; i < w.length; i++) {
                    w[i] -= g[i] * lr;
                }
            }
        }
    }

    /** Keras's momentum and Nesterov updates, with a velocity per parameter. */
    private final class Momentum extends SlotUpdater {
        private final float[][] velocities;

        Momentum(List<Parameter> parameters) {
            super(NAME, parameters);
            velocities = slot("velocity", 0f);
        }

        @Override
        void update(long stepsDone) {
            float lr = learningRateAt(stepsDone);
            float m = (float) momentum;
            for (int p = 0; p < weights.length; p++) {
                float[] w = weights[p];
                float[] g = gradients[p];
                float[] v = velocities[p];
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
    }
}
