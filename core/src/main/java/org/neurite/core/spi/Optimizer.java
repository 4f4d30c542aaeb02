package org.neurite.core.spi;

import java.util.List;
import java.util.Map;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/**
 * An optimization algorithm: how parameters move given their gradients. A service interface:
 * providers are found with {@link java.util.ServiceLoader} and used by their {@link #name()}.
 *
 * <p><b>Sharing and state.</b> The discovered instance is shared and holds only final
 * hyperparameter values. Everything that changes during training (velocities, moments, the
 * step count) lives in the {@link Updater} that {@link #start} creates for one training run,
 * so two networks training at once with one optimizer instance do not interfere.
 *
 * <p><b>Order of calls.</b> The trainer calls {@link #start} once with the network's
 * parameters, then for each batch: computes every {@link Parameter#gradient()}, then calls
 * {@link Updater#step()} once.
 *
 * <p>A minimal plugin, declared in {@code META-INF/services/org.neurite.core.spi.Optimizer}:
 * <pre>{@code
 * public final class PlainGradientDescent implements Optimizer {
 *     public String name() { return "plain_gd"; }
 *
 *     public Updater start(List<Parameter> parameters) {
 *         return new Updater() {
 *             long steps;
 *             public void step() {
 *                 for (Parameter p : parameters) {
 *                     float[] w = p.value().data(), g = p.gradient().data();
 *                     for (int i = 0; i < w.length; i++) w[i] -= 0.01f * g[i];
 *                 }
 *                 steps++;
 *             }
 *             public long iterations() { return steps; }
 *             public void setIterations(long n) { steps = n; }
 *             public Map<String, Matrix> state() { return Map.of(); }
 *         };
 *     }
 * }
 * }</pre>
 */
public interface Optimizer extends Component {

    /** This optimizer with the given, already validated hyperparameters. */
    default Optimizer configure(Hyperparameters values) {
        return this;
    }

    /**
     * Creates the state of one training run over {@code parameters}. The updater keeps the
     * list and updates these parameters in place at each {@link Updater#step()}.
     */
    Updater start(List<Parameter> parameters);

    /**
     * The per-run state of an optimizer. Not thread-safe: one training run uses it from one
     * thread at a time.
     */
    interface Updater {

        /** Applies one update to every parameter from its current gradient. */
        void step();

        /** The number of {@link #step()} calls so far (Keras's {@code iterations}). */
        long iterations();

        /** Sets the step count, when training resumes from a saved model. */
        void setIterations(long iterations);

        /**
         * The live per-parameter state, by stable key (such as {@code velocity/dense_1/kernel}),
         * in a stable order. Model files save these matrices and, to resume training, copy the
         * saved values back into them.
         */
        Map<String, Matrix> state();
    }
}
