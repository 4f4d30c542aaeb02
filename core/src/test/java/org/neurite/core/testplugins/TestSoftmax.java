package org.neurite.core.testplugins;

import org.neurite.core.spi.Activation;
import org.neurite.core.spi.SoftmaxActivation;
import org.neurite.core.tensor.Matrix;

/** Test-only row-wise activation {@code test_softmax}. */
public final class TestSoftmax implements SoftmaxActivation {
    @Override
    public String name() {
        return "test_softmax";
    }

    @Override
    public void forward(Matrix z, Matrix a) {
        int k = z.cols();
        for (int r = 0; r < z.rows(); r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                max = Math.max(max, z.get(r, c));
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(z.get(r, c) - max);
            }
            for (int c = 0; c < k; c++) {
                a.set(r, c, (float) (Math.exp(z.get(r, c) - max) / sum));
            }
        }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        int k = z.cols();
        for (int r = 0; r < z.rows(); r++) {
            double dot = 0;
            for (int c = 0; c < k; c++) {
                dot += gradA.get(r, c) * a.get(r, c);
            }
            for (int c = 0; c < k; c++) {
                gradZ.set(r, c, (float) (a.get(r, c) * (gradA.get(r, c) - dot)));
            }
        }
    }
}
