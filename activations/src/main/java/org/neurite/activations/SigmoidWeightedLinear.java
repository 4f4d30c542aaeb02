package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.core.tensor.Matrix;

/**
 * {@code z·sigmoid(z)}, the function Keras calls both {@code swish} and {@code silu}; the two
 * public classes differ only in their name. Computed in double precision with the
 * overflow-free sigmoid; the derivative is {@code σ(z)·(1 + z·σ(−z))}.
 */
abstract class SigmoidWeightedLinear implements Activation {
    private final String name;

    SigmoidWeightedLinear(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void forward(Matrix z, Matrix a) {
        Shapes.forward(name, z, a);
        float[] in = z.data();
        float[] out = a.data();
        for (int i = 0; i < in.length; i++) {
            double x = in[i];
            out[i] = (float) (x * Sigmoid.sigmoid(x));
        }
    }

    @Override
    public final void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        Shapes.backward(name, z, a, gradA, gradZ);
        float[] in = z.data();
        float[] g = gradA.data();
        float[] out = gradZ.data();
        for (int i = 0; i < in.length; i++) {
            double x = in[i];
            out[i] = (float) (g[i] * Sigmoid.sigmoid(x) * (1 + x * Sigmoid.sigmoid(-x)));
        }
    }

    @Override
    public final String toString() {
        return name;
    }
}
