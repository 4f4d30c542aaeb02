package org.neurite.core.data;

import java.util.Objects;
import org.neurite.core.tensor.Matrix;

/**
 * Inputs and targets, one sample per row, and optionally a weight per sample (Keras's
 * {@code sample_weight}).
 *
 * @param x             inputs, n×features
 * @param y             targets, n×outputs (or n×1 class indices for sparse losses)
 * @param sampleWeights n×1 weights, each finite and ≥ 0, or {@code null} for weight 1 each
 */
public record Dataset(Matrix x, Matrix y, Matrix sampleWeights) {
    public Dataset {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.rows() != y.rows()) {
            throw new IllegalArgumentException("inputs and targets must have one row per sample, "
                    + "but x is " + x.shape() + " and y is " + y.shape());
        }
        if (sampleWeights != null) {
            if (!sampleWeights.hasShape(x.rows(), 1)) {
                throw new IllegalArgumentException("sample weights are one column with a row per sample ("
                        + x.rows() + "×1), but got " + sampleWeights.shape());
            }
            float[] w = sampleWeights.data();
            for (int r = 0; r < w.length; r++) {
                if (!(w[r] >= 0 && w[r] <= Float.MAX_VALUE)) {
                    throw new IllegalArgumentException("the sample weight of row " + r + " is " + w[r]
                            + "; sample weights must be finite and ≥ 0");
                }
            }
        }
    }

    /** Inputs and targets, every sample of weight 1. */
    public Dataset(Matrix x, Matrix y) {
        this(x, y, null);
    }

    /** These samples with {@code weights} (n×1, or {@code null} for weight 1 each). */
    public Dataset withSampleWeights(Matrix weights) {
        return new Dataset(x, y, weights);
    }

    /** The number of samples. */
    public int size() {
        return x.rows();
    }

    /** Rows {@code [from, to)} as a new data set, with their weights. */
    public Dataset rows(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of a data set of "
                    + size() + " samples");
        }
        return new Dataset(slice(x, from, to), slice(y, from, to),
                sampleWeights == null ? null : slice(sampleWeights, from, to));
    }
    private static Matrix slice(Matrix m, int from, int to) {
        Matrix out = new Matrix(to - from, m.cols());
        System.arraycopy(m.data(), from * m.cols(), out.data(), 0, out.size());
        return out;
    }

    /**
     * Splits off the last {@code fraction} of the samples, as Keras's {@code validation_split}
     * does (before any shuffling): returns {@code [training, validation]}.
     */
    public Dataset[] splitLast(double fraction) {
        int validation = (int) validationRows(size(), fraction);
        return new Dataset[] {rows(0, size() - validation), rows(size() - validation, size())};
    }

    /**
     * How many of {@code n} samples Keras's {@code validation_split} holds out: the samples from
     * {@code floor(n·(1 − fraction))} on. Every trainer splits with this, so a split means the
     * same locally and on Spark.
     *
     * @throws IllegalArgumentException if the fraction is not in (0, 1) or leaves either side empty
     */
    public static long validationRows(long n, double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation split must be in (0, 1), got " + fraction);
        }
        long validation = n - (long) Math.floor(n * (1.0 - fraction));
        if (validation == 0 || validation == n) {
            throw new IllegalArgumentException("a validation split of " + fraction + " leaves "
                    + (n - validation) + " of " + n + " samples for training and "
                    + validation + " for validation; both need at least one");
        }
        return validation;
    }
}
