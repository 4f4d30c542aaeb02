package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.core.tensor.Matrix;

/**
 * {@code relu6}: {@code min(max(z, 0), 6)}. The derivative is 1 strictly between 0 and 6 and 0
 * elsewhere, including at exactly 0 and 6 (TensorFlow's {@code Relu6Grad}).
 */
public final class Relu6 implements Activation {
    private static final String NAME = "relu6";

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
            float x = in[i];
            // NaN passes through, as in Relu.
            out[i] = x < 0 ? 0f : x > 6 ? 6f : x;
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
            out[i] = x > 0 && x < 6 ? g[i] : 0f;
        }
    }

    @Override
    public String toString() {
        return NAME;
    }
}
