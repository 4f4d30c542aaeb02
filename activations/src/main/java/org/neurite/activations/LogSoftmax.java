package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.core.tensor.Matrix;

/**
 * {@code log_softmax}: each row becomes {@code z_i − log Σ_j e^{z_j}}, computed after
 * subtracting the row's maximum, so it stays finite where {@code log(softmax(z))} would give
 * {@code −∞}. The backward pass is {@code gradZ_i = gradA_i − softmax(z)_i·Σ_j gradA_j}.
 */
public final class LogSoftmax implements Activation {
    private static final String NAME = "log_softmax";

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
                sum += Math.exp((double) in[i] - max);
            }
            double shift = max + Math.log(sum);
            for (int i = start; i < end; i++) {
                out[i] = (float) (in[i] - shift);
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
            double total = 0;
            for (int i = start; i < end; i++) {
                total += g[i];
            }
            for (int i = start; i < end; i++) {
                out[i] = (float) (g[i] - Math.exp(s[i]) * total);
            }
        }
    }

    @Override
    public String toString() {
        return NAME;
    }
}
