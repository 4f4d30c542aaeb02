package org.neurite.losses;

import org.neurite.core.spi.Activation;
import org.neurite.core.spi.SigmoidActivation;
import org.neurite.core.tensor.Matrix;

/**
 * The logistic sigmoid computed in double, for tests only: the fusion partner of binary
 * cross-entropy.
 */
final class ReferenceSigmoid implements SigmoidActivation {
    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public void forward(Matrix z, Matrix a) {
        float[] in = z.data();
        float[] out = a.data();
        for (int i = 0; i < in.length; i++) {
            out[i] = (float) (1 / (1 + Math.exp(-(double) in[i])));
        }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        float[] s = a.data();
        float[] g = gradA.data();
        float[] out = gradZ.data();
        for (int i = 0; i < s.length; i++) {
            out[i] = (float) ((double) g[i] * s[i] * (1 - (double) s[i]));
        }
    }
}
