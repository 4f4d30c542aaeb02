package org.neurite.guice;

import org.neurite.core.spi.Activation;
import org.neurite.core.tensor.Matrix;

/** A test activation that is not discovered, only bound by a test's module: a = z³. */
public final class Cube implements Activation {
    @Override
    public String name() {
        return "test_cube";
    }

    @Override
    public void forward(Matrix z, Matrix a) {
        float[] in = z.data();
        float[] out = a.data();
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i] * in[i] * in[i];
        }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        float[] in = z.data();
        float[] g = gradA.data();
        float[] out = gradZ.data();
        for (int i = 0; i < in.length; i++) {
            out[i] = 3 * in[i] * in[i] * g[i];
        }
    }
}
