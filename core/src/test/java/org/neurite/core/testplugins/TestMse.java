package org.neurite.core.testplugins;

import org.neurite.core.spi.Loss;
import org.neurite.core.tensor.Matrix;

/** Test-only loss {@code test_mse}: mean over samples of the summed squared error. */
public final class TestMse implements Loss {
    @Override
    public String name() {
        return "test_mse";
    }

    @Override
    public double loss(Matrix p, Matrix t) {
        double s = 0;
        for (int i = 0; i < p.size(); i++) {
            double d = p.data()[i] - t.data()[i];
            s += d * d;
        }
        return s / p.rows();
    }

    @Override
    public void gradient(Matrix p, Matrix t, Matrix grad) {
        for (int i = 0; i < p.size(); i++) {
            grad.data()[i] = 2 * (p.data()[i] - t.data()[i]) / p.rows();
        }
    }
}
