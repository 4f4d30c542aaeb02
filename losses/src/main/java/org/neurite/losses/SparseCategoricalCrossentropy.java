package org.neurite.losses;

import java.util.Objects;
import java.util.Optional;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.SoftmaxActivation;
import org.neurite.core.spi.Loss;
import org.neurite.core.tensor.Matrix;

/**
 * Sparse categorical cross-entropy, {@code sparse_categorical_crossentropy}: categorical
 * cross-entropy with each target given as its class index instead of a one-hot row.
 *
 * <p><b>Targets</b> are {@code n×1}: one class index per sample, stored as a float, a whole
 * number in {@code [0, k − 1]} for {@code k} prediction columns (see {@link #targetColumns}).
 * Any other value fails with a message giving the row, the value and the valid range.
 *
 * <p>As Keras computes it from probabilities: {@code p} is clipped to {@code [1e-7, 1 − 1e-7]}
 * and its logarithm fed to {@code sparse_softmax_cross_entropy_with_logits}, so per sample
 * {@code log Σ_j clip(p_j) − log clip(p_y)} (the clipped row is renormalised; for rows that sum
 * to 1 this is {@code −log p_y}). {@link #gradient} is its exact derivative, 0 through an active
 * clip. Behind a {@code softmax} output {@link #fusedWith} gives the exact form over the logits,
 * {@code logsumexp(z) − z_y}.
 *
 * <p>Stateless and thread-safe.
 */
public final class SparseCategoricalCrossentropy implements Loss {
    /** The registry name. */
    public static final String NAME = "sparse_categorical_crossentropy";

    /** The loss with Keras's defaults; it has no hyperparameters. */
    public SparseCategoricalCrossentropy() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /** One column of class indices, whatever the number of prediction columns. */
    @Override
    public int targetColumns(int outputColumns) {
        return 1;
    }

    /** Every row of {@code labels} must be a whole number in {@code [0, outputColumns − 1]}. */
    @Override
    public void checkTargets(Matrix labels, int outputColumns) {
        if (labels.cols() != 1) {
            throw new IllegalArgumentException(NAME + ": the targets must be one column of class indices "
                    + "but are " + labels.shape());
        }
        for (int r = 0; r < labels.rows(); r++) {
            Batch.label(NAME, labels, r, outputColumns, "data set row ");
        }
    }

    /** The mean over the batch of {@code log Σ_j clip(p_j) − log clip(p_y)}. */
    @Override
    public double loss(Matrix predictions, Matrix labels) {
        Batch.requireLabelColumn(NAME, predictions, labels);
        int n = predictions.rows();
        int k = predictions.cols();
        float[] p = predictions.data();
        double total = 0;
        for (int r = 0, o = 0; r < n; r++, o += k) {
            int y = Batch.label(NAME, labels, r, k);
            total += Math.log(clippedSum(p, o, k)) - Math.log(Clipping.clip(p[o + y]));
        }
        return n == 0 ? 0 : total / n;
    }

    /** Each sample's loss, whose mean {@link #loss} is. */
    @Override
    public void sampleLosses(Matrix predictions, Matrix labels, double[] out) {
        Batch.requireLabelColumn(NAME, predictions, labels);
        int n = predictions.rows();
        int k = predictions.cols();
        float[] p = predictions.data();
        for (int r = 0, o = 0; r < n; r++, o += k) {
            int y = Batch.label(NAME, labels, r, k);
            out[r] = Math.log(clippedSum(p, o, k)) - Math.log(Clipping.clip(p[o + y]));
        }
    }

    /**
     * The exact derivative of {@link #loss}: {@code ∂L/∂p_j = (1/Σ_i clip(p_i) − [j = y] /
     * clip(p_y)) / n} where the clip passes {@code p_j}, 0 elsewhere.
     */
    @Override
    public void gradient(Matrix predictions, Matrix labels, Matrix grad) {
        Batch.requireLabelColumn(NAME, predictions, labels);
        Batch.requireGradientShape(NAME, predictions, grad);
        int n = predictions.rows();
        int k = predictions.cols();
        float[] p = predictions.data();
        float[] out = grad.data();
        for (int r = 0, o = 0; r < n; r++, o += k) {
            int y = Batch.label(NAME, labels, r, k);
            double inverseSum = 1 / clippedSum(p, o, k);
            for (int c = 0; c < k; c++) {
                double pc = p[o + c];
                double d = c == y ? inverseSum - 1 / Clipping.clip(pc) : inverseSum;
                out[o + c] = Clipping.passesGradient(pc) ? (float) (d / n) : 0f;
            }
        }
    }

    /** Over the logits of a {@code softmax} output: {@code logsumexp(z) − z_y}; else empty. */
    @Override
    public Optional<Loss> fusedWith(Activation outputActivation) {
        Objects.requireNonNull(outputActivation, "outputActivation");
        return outputActivation instanceof SoftmaxActivation
                ? Optional.of(SparseCategoricalCrossentropyFromLogits.INSTANCE) : Optional.empty();
    }

    @Override
    public String toString() {
        return NAME;
    }

    private static double clippedSum(float[] p, int offset, int k) {
        double sum = 0;
        for (int c = 0; c < k; c++) {
            sum += Clipping.clip(p[offset + c]);
        }
        return sum;
    }
}
