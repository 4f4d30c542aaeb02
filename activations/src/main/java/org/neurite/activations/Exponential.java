package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.core.tensor.Matrix;

/** {@code exponential}: {@code e^z}, which is also its derivative; overflows to +∞ past about 88.7, as Keras's float32. */
public final class Exponential implements Activation {
    private static final String NAME = "exponential";

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
            out[i] = (float) Math.exp(in[i]);
        }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        Shapes.backward(NAME, z, a, gradA, gradZ);
        float[] in = z.data();
        float[] g = gradA.data();
        float[] out = gradZ.data();
        for (int i = 0; i < in.length; i++) {
            out[i] = (float) (g[i] * Math.exp(in[i]));
        }
    }

    @Override
    public String toString() {
        return NAME;
    }
}
