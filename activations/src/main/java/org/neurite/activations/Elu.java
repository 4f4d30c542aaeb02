package org.neurite.activations;

import java.util.List;
import java.util.Map;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.HyperparameterException;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.tensor.Matrix;

/**
 * {@code elu}: {@code z} for {@code z > 0}, {@code alpha·(e^z − 1)} otherwise (computed with
 * {@code expm1}, exact near 0). Hyperparameter {@code alpha}, a number, defaults to 1.0 as in
 * Keras, which does not restrict its sign either. The derivative for {@code z ≤ 0} is
 * {@code alpha·e^z}, computed from {@code z} rather than as {@code a + alpha}, which would
 * cancel for very negative {@code z}.
 */
public final class Elu implements Activation {
    /** The default {@code alpha}, 1.0. */
    public static final double DEFAULT_ALPHA = 1.0;

    private static final String NAME = "elu";
    private static final List<Hyperparameter> HYPERPARAMETERS =
            List.of(Hyperparameter.number("alpha", DEFAULT_ALPHA));

    private final double alpha;

    /** {@code alpha = 1}; the instance ServiceLoader creates. */
    public Elu() {
        this(DEFAULT_ALPHA);
    }

    /**
     * The scale {@code alpha} of the negative part.
     *
     * @throws HyperparameterException if {@code alpha} is not finite
     */
    public Elu(double alpha) {
        Hyperparameters.resolve("activation '" + NAME + "'", HYPERPARAMETERS, Map.of("alpha", alpha));
        this.alpha = alpha;
    }

    /** The scale of the negative part. */
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
        return new Elu(values.number("alpha"));
    }

    @Override
    public void forward(Matrix z, Matrix a) {
        Shapes.forward(NAME, z, a);
        float[] in = z.data();
        float[] out = a.data();
        for (int i = 0; i < in.length; i++) {
            float x = in[i];
            out[i] = x > 0 ? x : (float) (alpha * Math.expm1(x));
        }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        Shapes.backward(NAME, z, a, gradA, gradZ);
        float[] in = z.data();
        float[] g = gradA.data();
        float[] out = gradZ.data();
        for (int i = 0; i < in.length; i++) {
            float x = in[i];
            out[i] = x > 0 ? g[i] : (float) (g[i] * alpha * Math.exp(x));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Elu other && Double.compare(other.alpha, alpha) == 0;
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
