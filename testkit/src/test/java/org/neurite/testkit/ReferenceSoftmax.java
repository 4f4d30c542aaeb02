package org.neurite.testkit;

import org.neurite.core.spi.Activation;
import org.neurite.core.spi.SoftmaxActivation;
import org.neurite.core.tensor.Matrix;

/** A correct row-wise activation: a numerically stable softmax. */
class ReferenceSoftmax implements SoftmaxActivation {
    @Override
    public String name() {
        return "softmax";
    }

    @Override
    public void forward(Matrix z, Matrix a) {
        int k = z.cols();
        float[] in = z.data();
        float[] out = a.data();
        for (int r = 0; r < z.rows(); r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                max = Math.max(max, in[r * k + c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(in[r * k + c] - max);
            }
            for (int c = 0; c < k; c++) {
                out[r * k + c] = (float) (Math.exp(in[r * k + c] - max) / sum);
            }
        }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        int k = z.cols();
        float[] s = a.data();
        float[] g = gradA.data();
        float[] out = gradZ.data();
        for (int r = 0; r < z.rows(); r++) {
            double dot = 0;
            for (int c = 0; c < k; c++) {
                dot += (double) g[r * k + c] * s[r * k + c];
            }
            for (int c = 0; c < k; c++) {
                out[r * k + c] = (float) (s[r * k + c] * (g[r * k + c] - dot));
            }
        }
    }
}
