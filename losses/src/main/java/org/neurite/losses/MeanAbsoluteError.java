package org.neurite.losses;

import org.neurite.core.spi.Loss;
import org.neurite.core.tensor.Matrix;

/**
 * Mean absolute error, {@code mean_absolute_error}: {@code |p − t|} averaged over the columns of
 * each sample, then over the batch, as Keras; gradient {@code sign(p − t) / (n·k)}, 0 where
 * {@code p = t} (TensorFlow's subgradient of {@code abs}).
 *
 * <p>Stateless and thread-safe.
 */
public final class MeanAbsoluteError implements Loss {
    /** The registry name. */
    public static final String NAME = "mean_absolute_error";

    /** The loss; it has no hyperparameters. */
    public MeanAbsoluteError() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The mean of {@code |p − t|} over all {@code n·k} elements. */
    @Override
    public double loss(Matrix predictions, Matrix targets) {
        Batch.requireSameShape(NAME, predictions, targets);
        float[] p = predictions.data();
        float[] t = targets.data();
        double total = 0;
        for (int i = 0; i < p.length; i++) {
            total += Math.abs((double) p[i] - t[i]);
        }
        return p.length == 0 ? 0 : total / p.length;
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
            double total = 0;
            for (int i = o; i < o + k; i++) {
                total += Math.abs((double) p[i] - t[i]);
            }
            out[r] = k == 0 ? 0 : total / k;
        }
    }

    /** {@code sign(p − t) / (n·k)}, 0 where {@code p = t}. */
    @Override
    public void gradient(Matrix predictions, Matrix targets, Matrix grad) {
        Batch.requireSameShape(NAME, predictions, targets);
        Batch.requireGradientShape(NAME, predictions, grad);
        float[] p = predictions.data();
        float[] t = targets.data();
        float[] out = grad.data();
        int count = p.length;
        for (int i = 0; i < count; i++) {
            out[i] = (float) (Math.signum((double) p[i] - t[i]) / count);
        }
    }

    @Override
    public String toString() {
        return NAME;
    }
}
