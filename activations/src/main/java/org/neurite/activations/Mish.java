package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.core.tensor.Matrix;

/**
 * {@code mish}: {@code z·tanh(softplus(z))} (Misra 2019), with the overflow-free softplus. The
 * derivative is {@code tanh(sp) + z·σ(z)·(1 − tanh²(sp))} with {@code sp = softplus(z)}.
 */
public final class Mish implements Activation {
    private static final String NAME = "mish";

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
            out[i] = (float) (x * Math.tanh(softplus(x)));
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
            double t = Math.tanh(softplus(x));
            out[i] = (float) (g[i] * (t + x * Sigmoid.sigmoid(x) * (1 - t * t)));
        }
    }

    private static double softplus(double x) {
        return Math.log1p(Math.exp(-Math.abs(x))) + Math.max(x, 0);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
