package org.neurite.losses;

import org.neurite.core.spi.Loss;
import org.neurite.core.tensor.Matrix;

/**
 * Mean squared error, {@code mean_squared_error}: {@code (p − t)²} averaged over the columns of
 * each sample, then over the batch, as Keras; gradient {@code 2·(p − t) / (n·k)}.
 *
 * <p>Stateless and thread-safe.
 */
public final class MeanSquaredError implements Loss {
    /** The registry name. */
    public static final String NAME = "mean_squared_error";

    /** The loss; it has no hyperparameters. */
    public MeanSquaredError() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The mean of {@code (p − t)²} over all {@code n·k} elements. */
    @Override
    public double loss(Matrix predictions, Matrix targets) {
        Batch.requireSameShape(NAME, predictions, targets);
        float[] p = predictions.data();
        float[] t = targets.data();
        double total = 0;
        for (int i = 0; i < p.length; i++) {
            double d = (double) p[i] - t[i];
            total += d * d;
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
                double d = (double) p[i] - t[i];
                total += d * d;
            }
            out[r] = k == 0 ? 0 : total / k;
        }
    }

    /** {@code 2·(p − t) / (n·k)}. */
    @Override
    public void gradient(Matrix predictions, Matrix targets, Matrix grad) {
        Batch.requireSameShape(NAME, predictions, targets);
        Batch.requireGradientShape(NAME, predictions, grad);
        float[] p = predictions.data();
        float[] t = targets.data();
        float[] out = grad.data();
        int count = p.length;
        for (int i = 0; i < count; i++) {
            out[i] = (float) (2 * ((double) p[i] - t[i]) / count);
        }
    }

    @Override
    public String toString() {
        return NAME;
    }
}
