package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.core.spi.SigmoidActivation;
import org.neurite.core.tensor.Matrix;

/**
 * {@code sigmoid}: {@code 1 / (1 + e^{−z})}, computed in double precision in a form that never
 * overflows ({@code e^z / (1 + e^z)} for negative {@code z}), so {@code sigmoid(±100)} is 1
 * and a tiny positive number, not NaN. The derivative {@code σ(z)·σ(−z)} is computed from
 * {@code z}, which stays accurate where {@code a·(1 − a)} would cancel.
 */
public final class Sigmoid implements SigmoidActivation {
    private static final String NAME = "sigmoid";

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
            out[i] = (float) sigmoid(in[i]);
        }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        Shapes.backward(NAME, z, a, gradA, gradZ);
        float[] in = z.data();
        float[] g = gradA.data();
        float[] out = gradZ.data();
        for (int i = 0; i < in.length; i++) {
            out[i] = (float) (g[i] * derivative(in[i]));
        }
    }

    /** {@code σ(z)}, without overflow for any {@code z}. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /** {@code σ'(z) = σ(z)·σ(−z) = e / (1 + e)²} with {@code e = e^{−|z|}}. */
    static double derivative(double z) {
        double e = Math.exp(-Math.abs(z));
        double d = 1 + e;
        return e / (d * d);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
