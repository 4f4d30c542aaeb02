package org.neurite.losses;

import java.util.Objects;
import java.util.Optional;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.SoftmaxActivation;
import org.neurite.core.spi.Loss;
import org.neurite.core.tensor.Matrix;

/**
 * Categorical cross-entropy, {@code categorical_crossentropy}: per sample {@code −Σ t·log p}
 * over probability (usually one-hot) targets, averaged over the batch.
 *
 * <p>As Keras computes it from probabilities: each prediction row is divided by its sum, clipped
 * to {@code [1e-7, 1 − 1e-7]}, then {@code −Σ_j t_j·log p_j}. {@link #gradient} is the exact
 * derivative of that computation, row normalisation included; where the clip is active the
 * derivative through it is 0. Behind a {@code softmax} output, {@link #fusedWith} gives the
 * exact form over the logits that Keras uses there ({@code softmax_cross_entropy_with_logits}).
 *
 * <p>Stateless and thread-safe.
 */
public final class CategoricalCrossentropy implements Loss {
    /** The registry name. */
    public static final String NAME = "categorical_crossentropy";

    /** The loss with Keras's defaults; it has no hyperparameters. */
    public CategoricalCrossentropy() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The mean over the batch of {@code −Σ_j t_j·log(clip(p_j / Σ_i p_i))}. */
    @Override
    public double loss(Matrix predictions, Matrix targets) {
        Batch.requireSameShape(NAME, predictions, targets);
        int n = predictions.rows();
        int k = predictions.cols();
        float[] p = predictions.data();
        float[] t = targets.data();
        double total = 0;
        for (int r = 0, o = 0; r < n; r++, o += k) {
            double sum = rowSum(p, o, k);
            for (int c = 0; c < k; c++) {
                total -= t[o + c] * Math.log(Clipping.clip(p[o + c] / sum));
            }
        }
        // Keras's SUM_OVER_BATCH_SIZE divides with divide_no_nan: an empty batch has loss 0.
        return n == 0 ? 0 : total / n;
    }

    /** Each sample's loss, whose mean {@link #loss} is. */
    @Override
    public void sampleLosses(Matrix predictions, Matrix targets, double[] out) {
        Batch.requireSameShape(NAME, predictions, targets);
        int n = predictions.rows();
        int k = predictions.cols();
        float[] p = predictions.data();
        float[] t = targets.data();
        for (int r = 0, o = 0; r < n; r++, o += k) {
            double sum = rowSum(p, o, k);
            double total = 0;
            for (int c = 0; c < k; c++) {
                total -= t[o + c] * Math.log(Clipping.clip(p[o + c] / sum));
            }
            out[r] = total;
        }
    }

    /**
     * The exact derivative of {@link #loss}: with {@code s = Σ_i p_i}, {@code q = p / s} and
     * {@code g_j = −t_j / q_j} where the clip passes {@code q_j} (0 elsewhere),
     * {@code ∂L/∂p_j = (g_j − Σ_i g_i·q_i) / (s·n)}.
     */
    @Override
    public void gradient(Matrix predictions, Matrix targets, Matrix grad) {
        Batch.requireSameShape(NAME, predictions, targets);
        Batch.requireGradientShape(NAME, predictions, grad);
        int n = predictions.rows();
        int k = predictions.cols();
        float[] p = predictions.data();
        float[] t = targets.data();
        float[] out = grad.data();
        for (int r = 0, o = 0; r < n; r++, o += k) {
            double sum = rowSum(p, o, k);
            double dot = 0;
            for (int c = 0; c < k; c++) {
                double q = p[o + c] / sum;
                dot += dLossDq(q, t[o + c]) * q;
            }
            double scale = sum * n;
            for (int c = 0; c < k; c++) {
                double q = p[o + c] / sum;
                out[o + c] = (float) ((dLossDq(q, t[o + c]) - dot) / scale);
            }
        }
    }

    /**
     * Over the logits of a {@code softmax} output: per sample {@code Σ_j t_j·(logsumexp(z) −
     * z_j)}, unclipped and finite for any finite logits. Empty for other activations.
     */
    @Override
    public Optional<Loss> fusedWith(Activation outputActivation) {
        Objects.requireNonNull(outputActivation, "outputActivation");
        return outputActivation instanceof SoftmaxActivation
                ? Optional.of(CategoricalCrossentropyFromLogits.INSTANCE) : Optional.empty();
    }

    @Override
    public String toString() {
        return NAME;
    }

    private static double rowSum(float[] p, int offset, int k) {
        double sum = 0;
        for (int c = 0; c < k; c++) {
            sum += p[offset + c];
        }
        return sum;
    }

    /** d(−t·log(clip(q)))/dq. */
    private static double dLossDq(double q, double t) {
        return Clipping.passesGradient(q) ? -t / q : 0;
    }
}
