package org.neurite.core.spi;

import java.util.Optional;
import org.neurite.core.tensor.Matrix;

/**
 * A loss function: how far a batch of predictions is from its targets. A service interface:
 * providers are found with {@link java.util.ServiceLoader} and used by their {@link #name()}.
 *
 * <p><b>Shapes.</b> Predictions are {@code n×k}, one sample per row. Targets are {@code n×k}
 * too, except for losses whose {@link #targetColumns} says otherwise (sparse labels: one column
 * of class indices). The loss is the <em>mean over the batch</em> of the per-sample losses,
 * as Keras reduces by default; the gradient is that of the mean, so it carries the {@code 1/n}.
 *
 * <p><b>Fusion.</b> Some losses are computed more exactly from the input of the output
 * activation than from its output (softmax followed by cross-entropy: {@code logsumexp(z) −
 * z·t}). {@link #fusedWith} offers such a loss, which the network then feeds with the logits
 * and whose gradient is taken w.r.t. the logits, skipping the activation's own backward pass.
 *
 * <p><b>Inputs and outputs.</b> {@code loss} and {@code gradient} never modify their inputs;
 * {@code gradient} overwrites every element of its output and allocates nothing.
 *
 * <p><b>Sharing and state.</b> Instances are shared and used from several threads: they hold
 * only final hyperparameter values.
 *
 * <p>A minimal plugin, declared in {@code META-INF/services/org.neurite.core.spi.Loss}:
 * <pre>{@code
 * public final class SumOfSquares implements Loss {
 *     public String name() { return "sum_of_squares"; }
 *
 *     public double loss(Matrix p, Matrix t) {
 *         double s = 0;
 *         for (int i = 0; i < p.size(); i++) { double d = p.data()[i] - t.data()[i]; s += d * d; }
 *         return s / p.rows();
 *     }
 *
 *     public void gradient(Matrix p, Matrix t, Matrix grad) {
 *         for (int i = 0; i < p.size(); i++) grad.data()[i] = 2 * (p.data()[i] - t.data()[i]) / p.rows();
 *     }
 * }
 * }</pre>
 */
public interface Loss extends Component {

    /** This loss with the given, already validated hyperparameters. */
    default Loss configure(Hyperparameters values) {
        return this;
    }

    /**
     * The mean loss over the batch.
     *
     * @param predictions n×k network outputs
     * @param targets     n×{@link #targetColumns targetColumns(k)} targets
     */
    double loss(Matrix predictions, Matrix targets);

    /**
     * dL/dpredictions of the mean loss, written into {@code grad} (n×k, overwritten).
     */
    void gradient(Matrix predictions, Matrix targets, Matrix grad);

    /**
     * The loss of each sample of the batch, whose mean {@link #loss} is, into
     * {@code out[0..n)}: what sample and class weights weigh (Keras 3 reduces a weighted batch
     * to {@code Σ wᵢ·lᵢ / n}). The default computes {@link #loss} of each row on its own, which
     * is right for every loss that is a mean over samples; a loss may compute all rows at once.
     *
     * @param out at least n values, overwritten
     */
    default void sampleLosses(Matrix predictions, Matrix targets, double[] out) {
        Matrix p = new Matrix(1, predictions.cols());
        Matrix t = new Matrix(1, targets.cols());
        for (int r = 0; r < predictions.rows(); r++) {
            System.arraycopy(predictions.data(), r * p.cols(), p.data(), 0, p.cols());
            System.arraycopy(targets.data(), r * t.cols(), t.data(), 0, t.cols());
            out[r] = loss(p, t);
        }
    }

    /** How many target columns go with {@code outputColumns} prediction columns. */
    default int targetColumns(int outputColumns) {
        return outputColumns;
    }

    /**
     * How many classes a network with {@code outputColumns} outputs tells apart when trained
     * with this loss (what {@code class_weight} indexes): the target columns for one-hot
     * targets, the outputs for class indices, 2 for one binary output.
     */
    default int classes(int outputColumns) {
        int targets = targetColumns(outputColumns);
        return targets > 1 ? targets : Math.max(2, outputColumns);
    }

    /**
     * Checks a whole data set's {@code targets} once, before training or evaluating on it, so
     * that a bad target is reported by its row in the data set rather than by its row inside a
     * shuffled batch. The default accepts any targets (the per-batch shape checks still run).
     *
     * @param targets       every target row of the data set, in data-set order
     * @param outputColumns the network's output width
     * @throws IllegalArgumentException naming the data-set row and what is accepted
     */
    default void checkTargets(Matrix targets, int outputColumns) {
    }

    /**
     * A loss that takes the <em>input</em> of {@code outputActivation} (the logits) and computes
     * this loss of its output exactly, if this loss has one; empty otherwise. Losses recognise
     * the activation by its kind ({@link SoftmaxActivation}, {@link SigmoidActivation}), not by
     * its name.
     */
    default Optional<Loss> fusedWith(Activation outputActivation) {
        return Optional.empty();
    }
}
