package org.neurite.core.train;

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
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation split must be in (0, 1), got " + fraction);
        }
        int validation = (int) Math.floor(size() * fraction);
        if (validation == 0 || validation == size()) {
            throw new IllegalArgumentException("a validation split of " + fraction + " leaves "
                    + (size() - validation) + " of " + size() + " samples for training and "
                    + validation + " for validation; both need at least one");
        }
        return new Dataset[] {rows(0, size() - validation), rows(size() - validation, size())};
    }
}
