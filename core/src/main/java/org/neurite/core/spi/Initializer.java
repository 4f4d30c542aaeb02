package org.neurite.core.spi;

import java.util.random.RandomGenerator;
import org.neurite.core.tensor.Matrix;

/**
 * Fills a new parameter with its initial values (Keras's {@code kernel_initializer} and
 * {@code bias_initializer}). A service interface: providers are found with
 * {@link java.util.ServiceLoader} and used by their {@link #name()}.
 *
 * <p>Draws come only from the generator passed in, so the same seed gives the same weights.
 * Instances are shared and hold only final hyperparameter values.
 *
 * <p>A minimal plugin, declared in {@code META-INF/services/org.neurite.core.spi.Initializer}:
 * <pre>{@code
 * public final class Halves implements Initializer {
 *     public String name() { return "halves"; }
 *     public void initialize(Matrix target, int fanIn, int fanOut, RandomGenerator random) {
 *         target.fill(0.5f);
 *     }
 * }
 * }</pre>
 */
public interface Initializer extends Component {

    /** This initializer with the given, already validated hyperparameters. */
    default Initializer configure(Hyperparameters values) {
        return this;
    }

    /**
     * Overwrites every element of {@code target}.
     *
     * @param fanIn  inputs feeding each unit (the kernel's rows)
     * @param fanOut units fed by each input (the kernel's columns)
     */
    void initialize(Matrix target, int fanIn, int fanOut, RandomGenerator random);
}
