package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.core.tensor.Matrix;

/**
 * {@code softplus}: {@code log(1 + e^z)}, computed as {@code log1p(e^{−|z|}) + max(z, 0)} so it
 * neither overflows for large {@code z} nor loses precision for very negative {@code z}. Its
 * derivative is {@code sigmoid(z)}.
 */
public final class Softplus implements Activation {
    private static final String NAME = "softplus";

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
            out[i] = (float) (Math.log1p(Math.exp(-Math.abs(x))) + Math.max(x, 0));
        }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        Shapes.backward(NAME, z, a, gradA, gradZ);
        float[] in = z.data();
        float[] g = gradA.data();
        float[] out = gradZ.data();
        for (int i = 0; i < in.length; i++) {
            out[i] = (float) (g[i] * Sigmoid.sigmoid(in[i]));
        }
    }

    @Override
    public String toString() {
        return NAME;
    }
}
