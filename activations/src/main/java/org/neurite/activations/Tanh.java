package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.core.tensor.Matrix;

/**
 * {@code tanh}: the hyperbolic tangent. The derivative {@code 1 − tanh²(z)} is computed as
 * {@code 1 / cosh²(z)} from {@code z}, which keeps its precision where {@code 1 − a²} would
 * cancel for saturated units.
 */
public final class Tanh implements Activation {
    private static final String NAME = "tanh";

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
            out[i] = (float) Math.tanh(in[i]);
        }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        Shapes.backward(NAME, z, a, gradA, gradZ);
        float[] in = z.data();
        float[] g = gradA.data();
        float[] out = gradZ.data();
        for (int i = 0; i < in.length; i++) {
            double c = Math.cosh(in[i]);
            out[i] = (float) (g[i] / (c * c));
        }
    }

    @Override
    public String toString() {
        return NAME;
    }
}
