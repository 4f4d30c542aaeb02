package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.core.tensor.Matrix;

/** {@code softsign}: {@code z / (1 + |z|)}; its derivative is {@code 1 / (1 + |z|)²}. */
public final class Softsign implements Activation {
    private static final String NAME = "softsign";

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
            out[i] = (float) (x / (1 + Math.abs(x)));
        }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        Shapes.backward(NAME, z, a, gradA, gradZ);
        float[] in = z.data();
        float[] g = gradA.data();
        float[] out = gradZ.data();
        for (int i = 0; i < in.length; i++) {
            double d = 1 + Math.abs((double) in[i]);
            out[i] = (float) (g[i] / (d * d));
        }
    }

    @Override
    public String toString() {
        return NAME;
    }
}
