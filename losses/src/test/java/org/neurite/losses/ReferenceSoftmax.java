package org.neurite.losses;

import org.neurite.core.spi.Activation;
import org.neurite.core.spi.SoftmaxActivation;
import org.neurite.core.tensor.Matrix;

/**
 * A row-wise softmax computed in double, for tests only: the fusion partner of the categorical
 * cross-entropies (plugin modules do not depend on each other, so the real one is not here).
 */
final class ReferenceSoftmax implements SoftmaxActivation {
    @Override
    public String name() {
        return "softmax";
    }

    @Override
    public void forward(Matrix z, Matrix a) {
        int k = z.cols();
        float[] in = z.data();
        float[] out = a.data();
        for (int o = 0; o < in.length; o += k) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                max = Math.max(max, in[o + c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(in[o + c] - max);
            }
            for (int c = 0; c < k; c++) {
                out[o + c] = (float) (Math.exp(in[o + c] - max) / sum);
            }
        }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        int k = z.cols();
        float[] s = a.data();
        float[] g = gradA.data();
        float[] out = gradZ.data();
        for (int o = 0; o < s.length; o += k) {
            double dot = 0;
            for (int c = 0; c < k; c++) {
                dot += (double) g[o + c] * s[o + c];
            }
            for (int c = 0; c < k; c++) {
                out[o + c] = (float) (s[o + c] * (g[o + c] - dot));
            }
        }
    }
}
