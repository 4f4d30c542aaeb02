package org.neurite.spark;

import java.io.Serializable;
import java.util.List;
import org.neurite.core.tensor.Parameter;

/**
 * What the partitions send back for one step (or one averaging round), summed over them by
 * {@code treeAggregate}: a weighted sum of float vectors (gradients, or parameters and
 * optimizer state), the loss and row count of each batch, the metric sums, and the first
 * non-finite value any partition met. Starts empty, so an empty partition sends nothing.
 */
final class Partials implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Σ weight × vector; {@code null} until a partition adds one. */
    float[] sum;
    /** Σ weight: rows behind {@link #sum}. */
    long weight;
    /** Per batch of the round: Σ rows × mean batch loss, and the rows. */
    final double[] loss;
    final long[] rows;
    /**
     * Per metric: Σ weight × metric over every batch share of the round, and Σ weight, the
     * weight of a share being its rows (its sample weights' sum for a weighted metric).
     */
    final double[] metrics;
    final double[] metricWeights;
    /** The lowest partition that met a NaN or infinity, its batch and what it was; or -1. */
    int failedPartition = -1;
    int failedBatch;
    String failure;

    Partials(int batches, int metrics) {
        this.loss = new double[batches];
        this.rows = new long[batches];
        this.metrics = new double[metrics];
        this.metricWeights = new double[metrics];
    }

    /** Adds {@code weight} × (the values of {@code a}, then those of {@code b}) to the sum. */
    void add(List<Parameter> a, boolean gradients, float[] b, long weight) {
        if (sum == null) {
            int size = b == null ? 0 : b.length;
            for (Parameter p : a) {
                size += p.value().size();
            }
            sum = new float[size];
        }
        float w = weight;
        int o = 0;
        for (Parameter p : a) {
            float[] v = gradients ? p.gradient().data() : p.value().data();
            for (int i = 0; i < v.length; i++) {
                sum[o + i] += w * v[i];
            }
            o += v.length;
        }
        if (b != null) {
            for (int i = 0; i < b.length; i++) {
                sum[o + i] += w * b[i];
            }
        }
        this.weight += weight;
    }

    /** Records a non-finite value met by {@code partition} in {@code batch} (global index). */
    void fail(int partition, int batch, String what) {
        if (failedPartition < 0 || partition < failedPartition) {
            failedPartition = partition;
            failedBatch = batch;
            failure = what;
        }
    }

    /** Adds {@code other} into this and returns this. */
    Partials merge(Partials other) {
        if (other.sum != null) {
            if (sum == null) {
                sum = other.sum.clone();
            } else {
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += other.sum[i];
                }
            }
        }
        weight += other.weight;
        for (int i = 0; i < loss.length; i++) {
            loss[i] += other.loss[i];
            rows[i] += other.rows[i];
        }
        for (int i = 0; i < metrics.length; i++) {
            metrics[i] += other.metrics[i];
            metricWeights[i] += other.metricWeights[i];
        }
        if (other.failedPartition >= 0) {
            fail(other.failedPartition, other.failedBatch, other.failure);
        }
        return this;
    }
}
