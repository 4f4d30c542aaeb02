package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.core.spi.SoftmaxActivation;
import org.neurite.core.tensor.Matrix;

/**
 * {@code softmax}: each row becomes {@code a_i = e^{z_i} / Σ_j e^{z_j}}, computed after
 * subtracting the row's maximum so no exponential overflows ({@code [1000, 1000]} gives
 * {@code [0.5, 0.5]}). The backward pass is the full vector-Jacobian product of each row,
 * {@code gradZ_i = a_i·(gradA_i − Σ_j gradA_j·a_j)}. A row of width 1 is always {@code [1]}.
 *
 * <p>Followed by categorical cross-entropy, a network can skip this backward pass: the loss
 * offers a fused form on the logits ({@link org.neurite.core.spi.Loss#fusedWith}).
 */
public final class Softmax implements SoftmaxActivation {
    private static final String NAME = "softmax";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void forward(Matrix z, Matrix a) {
        Shapes.forward(NAME, z, a);
        int k = z.cols();
        float[] in = z.data();
        float[] out = a.data();
        for (int start = 0; start < in.length; start += k) {
            int end = start + k;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = start; i < end; i++) {
                max = Math.max(max, in[i]);
            }
            double sum = 0;
            for (int i = start; i < end; i++) {
                double e = Math.exp((double) in[i] - max);
                out[i] = (float) e;
                sum += e;
            }
            double scale = 1 / sum;
            for (int i = start; i < end; i++) {
                out[i] = (float) (out[i] * scale);
            }
        }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        Shapes.backward(NAME, z, a, gradA, gradZ);
        int k = z.cols();
        float[] s = a.data();
        float[] g = gradA.data();
        float[] out = gradZ.data();
        for (int start = 0; start < s.length; start += k) {
            int end = start + k;
            double dot = 0;
            for (int i = start; i < end; i++) {
                dot += (double) g[i] * s[i];
            }
            for (int i = start; i < end; i++) {
                out[i] = (float) (s[i] * (g[i] - dot));
            }
        }
    }

    @Override
    public String toString() {
        return NAME;
    }
}
