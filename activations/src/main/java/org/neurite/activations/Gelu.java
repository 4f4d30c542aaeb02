package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.core.tensor.Matrix;

/**
 * {@code gelu}: the exact Gaussian error linear unit {@code z·Φ(z) = ½·z·(1 + erf(z/√2))},
 * Keras's default ({@code approximate=False}), not the tanh approximation. {@code Φ} is
 * computed as {@code ½·erfc(−z/√2)} with W. J. Cody's rational approximations (relative error
 * about 1e-16), so the negative tail keeps its precision. The derivative is
 * {@code Φ(z) + z·φ(z)} with {@code φ(z) = e^{−z²/2}/√(2π)}.
 */
public final class Gelu implements Activation {
    private static final String NAME = "gelu";
    private static final double ONE_OVER_SQRT_2 = 0.7071067811865476;
    private static final double ONE_OVER_SQRT_2PI = 0.3989422804014327;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void forward(Matrix z, Matrix a) {
        Shapes.forward(NAME, z, a);
        float[] in = z.data();
        float[] out = a.data();
        for (int i = 0; i < in.length; i++) {
            double x = in[i];
            out[i] = (float) (x * cdf(x));
        }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        Shapes.backward(NAME, z, a, gradA, gradZ);
        float[] in = z.data();
        float[] g = gradA.data();
        float[] out = gradZ.data();
        for (int i = 0; i < in.length; i++) {
            double x = in[i];
            double density = ONE_OVER_SQRT_2PI * Math.exp(-0.5 * x * x);
            out[i] = (float) (g[i] * (cdf(x) + x * density));
        }
    }

    /** The standard normal distribution function {@code Φ(x)}. */
    static double cdf(double x) {
        return 0.5 * Erf.erfc(-x * ONE_OVER_SQRT_2);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
