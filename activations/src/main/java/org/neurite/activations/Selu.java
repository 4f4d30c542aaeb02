package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.core.tensor.Matrix;

/**
 * {@code selu}: {@code scale·z} for {@code z > 0}, {@code scale·alpha·(e^z − 1)} otherwise, with
 * Keras's constants {@code alpha = 1.6732632423543772} and {@code scale = 1.0507009873554805}
 * (Klambauer et al. 2017). The derivative for {@code z ≤ 0} is {@code scale·alpha·e^z}.
 */
public final class Selu implements Activation {
    /** Keras's {@code alpha}. */
    public static final double ALPHA = 1.6732632423543772848170429916717;
    /** Keras's {@code scale}. */
    public static final double SCALE = 1.0507009873554804934193349852946;

    private static final String NAME = "selu";

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
            out[i] = (float) (x > 0 ? SCALE * x : SCALE * ALPHA * Math.expm1(x));
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
            out[i] = (float) (g[i] * (x > 0 ? SCALE : SCALE * ALPHA * Math.exp(x)));
        }
    }

    @Override
    public String toString() {
        return NAME;
    }
}
