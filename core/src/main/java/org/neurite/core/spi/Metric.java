package org.neurite.core.spi;

import org.neurite.core.tensor.Matrix;

/**
 * The running value of one {@link MetricType} over the batches of an epoch or an evaluation.
 * Not thread-safe; allocates nothing in {@link #update}.
 */
public interface Metric {

    /**
     * Adds a batch.
     *
     * @param predictions n×k network outputs
     * @param targets     the batch's targets
     * @param weights     n×1 sample weights, or {@code null} for weight 1 each
     */
    void update(Matrix predictions, Matrix targets, Matrix weights);

    /** The value over every sample added so far ({@code NaN} before any, where undefined). */
    double result();
}
