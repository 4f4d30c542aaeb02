package org.neurite.metrics;

import org.neurite.core.spi.Metric;
import org.neurite.core.tensor.Matrix;

/**
 * A metric that is the (sample-weighted) mean over samples of one value per sample, as Keras's
 * {@code MeanMetricWrapper} computes it: {@code Σ wᵢ·vᵢ / Σ wᵢ}.
 */
abstract class SampleMean implements Metric {
    private double sum;
    private double weight;

    /** The value of row {@code r}. */
    abstract double value(Matrix predictions, Matrix targets, int r);

    @Override
    public final void update(Matrix predictions, Matrix targets, Matrix weights) {
        for (int r = 0; r < predictions.rows(); r++) {
            double w = weights == null ? 1 : weights.get(r, 0);
            sum += w * value(predictions, targets, r);
            weight += w;
        }
    }

    @Override
    public final double result() {
        return weight == 0 ? Double.NaN : sum / weight;
    }
}
