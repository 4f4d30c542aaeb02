package org.neurite.core.data;

import java.util.Objects;
import org.neurite.core.tensor.Matrix;

/**
 * Inputs and targets, one sample per row.
 *
 * @param x inputs, n×features
 * @param y targets, n×outputs (or n×1 class indices for sparse losses)
 */
public record Dataset(Matrix x, Matrix y) {
    public Dataset {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.rows() != y.rows()) {
            throw new IllegalArgumentException("inputs and targets must have one row per sample, "
                    + "but x is " + x.shape() + " and y is " + y.shape());
        }
    }

    /** The number of samples. */
    public int size() {
        return x.rows();
    }

    /** Rows {@code [from, to)} as a new data set. */
    public Dataset rows(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of a data set of "
                    + size() + " samples");
        }
        return new Dataset(slice(x, from, to), slice(y, from, to));
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
