package org.neurite.activations;

import java.util.List;
import java.util.Map;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.HyperparameterException;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.tensor.Matrix;

/**
 * {@code leaky_relu}: {@code z} for {@code z > 0}, {@code alpha·z} otherwise. Hyperparameter
 * {@code alpha}, a number ≥ 0, defaults to 0.3 as tf.keras's {@code LeakyReLU} layer (the
 * function {@code tf.nn.leaky_relu} and Keras 3's {@code leaky_relu} use 0.2: pass
 * {@code alpha: 0.2} for parity with them). The derivative at exactly 0 is {@code alpha}, as
 * TensorFlow's {@code LeakyReluGrad}.
 *
 * <pre>{@code
 * Activation leaky = plugins.activations().create("leaky_relu", Map.of("alpha", 0.1));
 * }</pre>
 */
public final class LeakyRelu implements Activation {
    /** The default {@code alpha}, 0.3. */
    public static final double DEFAULT_ALPHA = 0.3;

    private static final String NAME = "leaky_relu";
    private static final List<Hyperparameter> HYPERPARAMETERS =
            List.of(Hyperparameter.number("alpha", DEFAULT_ALPHA).atLeast(0));

    private final double alpha;
    private final float slope;

    /** The slope {@value #DEFAULT_ALPHA}; the instance ServiceLoader creates. */
    public LeakyRelu() {
        this(DEFAULT_ALPHA);
    }

    /**
     * The slope {@code alpha} for negative inputs.
     *
     * @throws HyperparameterException if {@code alpha} is negative or not finite
     */
    public LeakyRelu(double alpha) {
        Hyperparameters.resolve("activation '" + NAME + "'", HYPERPARAMETERS, Map.of("alpha", alpha));
        this.alpha = alpha;
        this.slope = (float) alpha;
    }

    /** The slope for negative inputs. */
    public double alpha() {
        return alpha;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return HYPERPARAMETERS;
    }

    @Override
    public Activation configure(Hyperparameters values) {
        return new LeakyRelu(values.number("alpha"));
    }

    @Override
    public void forward(Matrix z, Matrix a) {
        Shapes.forward(NAME, z, a);
        float[] in = z.data();
        float[] out = a.data();
        for (int i = 0; i < in.length; i++) {
            float x = in[i];
            out[i] = x > 0 ? x : slope * x;
        }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        Shapes.backward(NAME, z, a, gradA, gradZ);
        float[] in = z.data();
        float[] g = gradA.data();
        float[] out = gradZ.data();
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i] > 0 ? g[i] : slope * g[i];
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeakyRelu other && Double.compare(other.alpha, alpha) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(alpha);
    }

    @Override
    public String toString() {
        return NAME + "(alpha=" + alpha + ")";
    }
}
