package org.neurite.losses;

import org.neurite.core.spi.Loss;
import org.neurite.core.tensor.Matrix;

/**
 * Sparse categorical cross-entropy of {@code softmax(z)}, computed from the logits as
 * TensorFlow's {@code sparse_softmax_cross_entropy_with_logits}: per sample
 * {@code logsumexp(z) − z_y}, no clipping; gradient {@code (softmax(z) − onehot(y)) / n}.
 * What {@link SparseCategoricalCrossentropy#fusedWith} returns behind a softmax.
 */
final class SparseCategoricalCrossentropyFromLogits implements Loss {
    static final SparseCategoricalCrossentropyFromLogits INSTANCE =
            new SparseCategoricalCrossentropyFromLogits();
    static final String NAME = "sparse_categorical_crossentropy_from_logits";

    private SparseCategoricalCrossentropyFromLogits() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int targetColumns(int outputColumns) {
        return 1;
    }

    @Override
    public double loss(Matrix logits, Matrix labels) {
        Batch.requireLabelColumn(NAME, logits, labels);
        int n = logits.rows();
        int k = logits.cols();
        float[] z = logits.data();
        double total = 0;
        for (int r = 0, o = 0; r < n; r++, o += k) {
            int y = Batch.label(NAME, labels, r, k);
            total += Softmax.logSumExp(z, o, k) - z[o + y];
        }
        return n == 0 ? 0 : total / n;
    }

    /** Each sample's loss, whose mean {@link #loss} is. */
    @Override
    public void sampleLosses(Matrix logits, Matrix labels, double[] out) {
        Batch.requireLabelColumn(NAME, logits, labels);
        int n = logits.rows();
        int k = logits.cols();
        float[] z = logits.data();
        for (int r = 0, o = 0; r < n; r++, o += k) {
            int y = Batch.label(NAME, labels, r, k);
            out[r] = Softmax.logSumExp(z, o, k) - z[o + y];
        }
    }

    @Override
    public void gradient(Matrix logits, Matrix labels, Matrix grad) {
        Batch.requireLabelColumn(NAME, logits, labels);
        Batch.requireGradientShape(NAME, logits, grad);
        int n = logits.rows();
        int k = logits.cols();
        float[] z = logits.data();
        float[] out = grad.data();
        for (int r = 0, o = 0; r < n; r++, o += k) {
            int y = Batch.label(NAME, labels, r, k);
            double lse = Softmax.logSumExp(z, o, k);
            for (int c = 0; c < k; c++) {
                double softmax = Math.exp(z[o + c] - lse);
                out[o + c] = (float) ((c == y ? softmax - 1 : softmax) / n);
            }
        }
    }

    @Override
    public String toString() {
        return NAME;
    }
}
