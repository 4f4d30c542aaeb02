package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.core.tensor.Matrix;

/**
 * {@code relu}: {@code max(z, 0)}. The derivative is 1 for {@code z > 0} and 0 otherwise,
 * including at exactly 0, as TensorFlow's {@code ReluGrad} (and PyTorch) define it. NaN inputs
 * stay NaN.
 */
public final class Relu implements Activation {
    private static final String NAME = "relu";

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
            out[i] = Math.max(in[i], 0f);
        }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        Shapes.backward(NAME, z, a, gradA, gradZ);
        float[] in = z.data();
        float[] g = gradA.data();
        float[] out = gradZ.data();
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i] > 0 ? g[i] : 0f;
        }
    }

    @Override
    public String toString() {
        return NAME;
    }
}
