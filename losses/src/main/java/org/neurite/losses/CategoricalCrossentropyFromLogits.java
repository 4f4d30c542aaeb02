package org.neurite.losses;

import org.neurite.core.spi.Loss;
import org.neurite.core.tensor.Matrix;

/**
 * Categorical cross-entropy of {@code softmax(z)}, computed from the logits {@code z} as
 * TensorFlow's {@code softmax_cross_entropy_with_logits}: per sample
 * {@code −Σ_j t_j·log softmax(z)_j = Σ_j t_j·(logsumexp(z) − z_j)}, no clipping; gradient
 * {@code (softmax(z)·Σ_j t_j − t) / n}. What {@link CategoricalCrossentropy#fusedWith} returns
 * behind a softmax.
 */
final class CategoricalCrossentropyFromLogits implements Loss {
    static final CategoricalCrossentropyFromLogits INSTANCE = new CategoricalCrossentropyFromLogits();
    static final String NAME = "categorical_crossentropy_from_logits";

    private CategoricalCrossentropyFromLogits() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double loss(Matrix logits, Matrix targets) {
        Batch.requireSameShape(NAME, logits, targets);
        int n = logits.rows();
        int k = logits.cols();
        float[] z = logits.data();
        float[] t = targets.data();
        double total = 0;
        for (int r = 0, o = 0; r < n; r++, o += k) {
            double lse = Softmax.logSumExp(z, o, k);
            for (int c = 0; c < k; c++) {
                // lse − z_j ≥ 0 term by term: no cancellation between large numbers.
                total += t[o + c] * (lse - z[o + c]);
            }
        }
        return n == 0 ? 0 : total / n;
    }

    /** Each sample's loss, whose mean {@link #loss} is. */
    @Override
    public void sampleLosses(Matrix logits, Matrix targets, double[] out) {
        Batch.requireSameShape(NAME, logits, targets);
        int n = logits.rows();
        int k = logits.cols();
        float[] z = logits.data();
        float[] t = targets.data();
        for (int r = 0, o = 0; r < n; r++, o += k) {
            double lse = Softmax.logSumExp(z, o, k);
            double total = 0;
            for (int c = 0; c < k; c++) {
                total += t[o + c] * (lse - z[o + c]);
            }
            out[r] = total;
        }
    }

    @Override
    public void gradient(Matrix logits, Matrix targets, Matrix grad) {
        Batch.requireSameShape(NAME, logits, targets);
        Batch.requireGradientShape(NAME, logits, grad);
        int n = logits.rows();
        int k = logits.cols();
        float[] z = logits.data();
        float[] t = targets.data();
        float[] out = grad.data();
        for (int r = 0, o = 0; r < n; r++, o += k) {
            double lse = Softmax.logSumExp(z, o, k);
            double targetSum = 0;
            for (int c = 0; c < k; c++) {
                targetSum += t[o + c];
            }
            for (int c = 0; c < k; c++) {
                out[o + c] = (float) ((Math.exp(z[o + c] - lse) * targetSum - t[o + c]) / n);
            }
        }
    }

    @Override
    public String toString() {
        return NAME;
    }
}
