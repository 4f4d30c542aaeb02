package org.neurite.core.tensor;

import java.util.Arrays;

/**
 * A dense, row-major matrix of {@code float}s: the one tensor type of Neurite.
 *
 * <p>A batch is a matrix with one sample per row. The backing array is exposed through
 * {@link #data()} so kernels can work on it without copies; element {@code (r, c)} lives at
 * {@code data[r * cols + c]}. Instances are not thread-safe.
 */
public final class Matrix {
    private final int rows;
    private final int cols;
    private final float[] data;

    /** A zero-filled {@code rows×cols} matrix. */
    public Matrix(int rows, int cols) {
        this(rows, cols, new float[checkedSize(rows, cols)]);
    }

    private Matrix(int rows, int cols, float[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** Wraps {@code data} (not copied) as a {@code rows×cols} matrix. */
    public static Matrix wrap(int rows, int cols, float[] data) {
        if (data.length != checkedSize(rows, cols)) {
            throw new IllegalArgumentException("cannot view " + data.length + " values as a "
                    + rows + "×" + cols + " matrix: it needs " + (long) rows * cols);
        }
        return new Matrix(rows, cols, data);
    }

    /** A copy of the given rows; every row must have the same length. */
    public static Matrix of(float[]... values) {
        int cols = values.length == 0 ? 0 : values[0].length;
        Matrix m = new Matrix(values.length, cols);
        for (int r = 0; r < values.length; r++) {
            if (values[r].length != cols) {
                throw new IllegalArgumentException("row " + r + " has " + values[r].length
                        + " values, row 0 has " + cols + ": all rows must be the same length");
            }
            System.arraycopy(values[r], 0, m.data, r * cols, cols);
        }
        return m;
    }

    /** A copy of the given rows, rounded to {@code float}. */
    public static Matrix of(double[]... values) {
        float[][] f = new float[values.length][];
        for (int r = 0; r < values.length; r++) {
            f[r] = new float[values[r].length];
            for (int c = 0; c < f[r].length; c++) {
                f[r][c] = (float) values[r][c];
            }
        }
        return of(f);
    }

    private static int checkedSize(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("a matrix cannot be " + rows + "×" + cols
                    + ": dimensions must not be negative");
        }
        long size = (long) rows * cols;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a " + rows + "×" + cols + " matrix has more than "
                    + (Integer.MAX_VALUE - 8) + " elements");
        }
        return (int) size;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Number of elements, {@code rows × cols}. */
    public int size() {
        return data.length;
    }

    /** The backing row-major array (live, not a copy). */
    public float[] data() {
        return data;
    }

    public float get(int row, int col) {
        return data[index(row, col)];
    }

    public void set(int row, int col, float value) {
        data[index(row, col)] = value;
    }

    private int index(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("(" + row + ", " + col + ") is outside a "
                    + shape() + " matrix");
        }
        return row * cols + col;
    }

    /** Sets every element to {@code value}. */
    public Matrix fill(float value) {
        Arrays.fill(data, value);
        return this;
    }

    /** Copies {@code source}, which must have this shape, into this matrix. */
    public Matrix copyFrom(Matrix source) {
        requireShape(source, rows, cols, "source");
        System.arraycopy(source.data, 0, data, 0, data.length);
        return this;
    }

    /** An independent copy. */
    public Matrix copy() {
        return new Matrix(rows, cols, data.clone());
    }

    /** The values as nested arrays, one per row. */
    public float[][] toArray() {
        float[][] out = new float[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(data, r * cols, out[r], 0, cols);
        }
        return out;
    }

    /** The column of the largest value in row {@code r}; ties go to the lowest column. */
    public int argmaxRow(int r) {
        int o = r * cols;
        int best = 0;
        for (int c = 1; c < cols; c++) {
            if (data[o + c] > data[o + best]) {
                best = c;
            }
        }
        return best;
    }

    /** {@code true} if every element is finite (neither NaN nor infinite). */
    public boolean isFinite() {
        // A float is NaN or infinite exactly when its exponent bits are all ones; adding one to
        // the exponent field then carries into the sign bit. OR-ing over the array is a
        // branch-free integer reduction the JIT vectorizes.
        int carry = 0;
        for (float v : data) {
            carry |= (Float.floatToRawIntBits(v) & 0x7f800000) + 0x00800000;
        }
        return carry >= 0;
    }

    /** {@code "rows×cols"}, the form used in every shape error. */
    public String shape() {
        return rows + "×" + cols;
    }

    /** {@code true} if this matrix is {@code rows×cols}. */
    public boolean hasShape(int rows, int cols) {
        return this.rows == rows && this.cols == cols;
    }

    /**
     * Fails unless {@code m} is {@code rows×cols}; the message names {@code what} and both shapes.
     * Hot loops should test {@link #hasShape} first and build {@code what} only on failure.
     */
    public static void requireShape(Matrix m, int rows, int cols, String what) {
        if (!m.hasShape(rows, cols)) {
            throw shapeMismatch(m, rows, cols, what);
        }
    }

    /** The error for {@code m} not being {@code rows×cols}: names {@code what} and both shapes. */
    public static IllegalArgumentException shapeMismatch(Matrix m, int rows, int cols, String what) {
        return new IllegalArgumentException(what + " must be " + rows + "×" + cols + " but is " + m.shape());
    }

    /** Same elements and shape, compared bit for bit. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && m.rows == rows && m.cols == cols
                && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Matrix ").append(shape()).append(" [");
        for (int r = 0; r < Math.min(rows, 8); r++) {
            sb.append(r == 0 ? "" : ", ").append(Arrays.toString(
                    Arrays.copyOfRange(data, r * cols, r * cols + Math.min(cols, 8))));
        }
        return sb.append(rows > 8 ? ", …]" : "]").toString();
    }
}
