package org.neurite.core.testplugins;

import org.neurite.core.spi.Activation;
import org.neurite.core.tensor.Matrix;

/** Test-only activation {@code test_tanh}. */
public final class TestTanh implements Activation {
    @Override
    public String name() {
        return "test_tanh";
    }

    @Override
    public void forward(Matrix z, Matrix a) {
        for (int i = 0; i < z.size(); i++) {
            a.data()[i] = (float) Math.tanh(z.data()[i]);
        }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        for (int i = 0; i < z.size(); i++) {
            float t = a.data()[i];
            gradZ.data()[i] = gradA.data()[i] * (1 - t * t);
        }
    }
}
