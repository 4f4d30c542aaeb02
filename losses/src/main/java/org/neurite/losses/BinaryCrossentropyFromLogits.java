package org.neurite.losses;

import org.neurite.core.spi.Loss;
import org.neurite.core.tensor.Matrix;

/**
 * Binary cross-entropy of {@code sigmoid(z)}, computed from the logits as TensorFlow's
 * {@code sigmoid_cross_entropy_with_logits}: per element {@code max(z, 0) − z·t +
 * log1p(exp(−|z|))}, averaged over the columns then the batch; gradient
 * {@code (sigmoid(z) − t) / (n·k)}. What {@link BinaryCrossentropy#fusedWith} returns behind a
 * sigmoid.
 */
final class BinaryCrossentropyFromLogits implements Loss {
    static final BinaryCrossentropyFromLogits INSTANCE = new BinaryCrossentropyFromLogits();
    static final String NAME = "binary_crossentropy_from_logits";

    private BinaryCrossentropyFromLogits() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double loss(Matrix logits, Matrix targets) {
        Batch.requireSameShape(NAME, logits, targets);
        float[] z = logits.data();
        float[] t = targets.data();
        double total = 0;
        for (int i = 0; i < z.length; i++) {
            double zi = z[i];
            total += Math.max(zi, 0) - zi * t[i] + Math.log1p(Math.exp(-Math.abs(zi)));
        }
        return z.length == 0 ? 0 : total / z.length;
    }

    /** Each sample's loss, whose mean {@link #loss} is. */
    @Override
    public void sampleLosses(Matrix logits, Matrix targets, double[] out) {
        Batch.requireSameShape(NAME, logits, targets);
        int n = logits.rows();
        int k = logits.cols();
        float[] p = logits.data();
        float[] t = targets.data();
        for (int r = 0, o = 0; r < n; r++, o += k) {
            double total = 0;
            for (int i = o; i < o + k; i++) {
                double zi = p[i];
                total += Math.max(zi, 0) - zi * t[i] + Math.log1p(Math.exp(-Math.abs(zi)));
            }
            out[r] = k == 0 ? 0 : total / k;
        }
    }

    @Override
    public void gradient(Matrix logits, Matrix targets, Matrix grad) {
        Batch.requireSameShape(NAME, logits, targets);
        Batch.requireGradientShape(NAME, logits, grad);
        float[] z = logits.data();
        float[] t = targets.data();
        float[] out = grad.data();
        int count = z.length;
        for (int i = 0; i < count; i++) {
            out[i] = (float) ((sigmoid(z[i]) - t[i]) / count);
        }
    }

    @Override
    public String toString() {
        return NAME;
    }

    /** The logistic function, without overflow for large |z|. */
    private static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }
}
