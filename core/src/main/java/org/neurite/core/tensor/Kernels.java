package org.neurite.core.tensor;

/**
 * The matrix kernels every layer computes with: the three products training needs and the
 * row-wise steps around them. All heavy arithmetic of Neurite goes through this interface, so a
 * faster back end replaces one object.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} (see {@link #best()}); the
 * portable one in {@code neurite-core} is always there. Every method writes its result into the
 * matrix passed last, which must already have the result's shape and must not alias an input.
 * Implementations are stateless from the caller's point of view and safe to share between
 * threads; results of different implementations agree to float rounding.
 *
 * <p>Large products may be split across {@link #threads()} threads (small ones always run on
 * the calling thread). They are split along output rows or columns only, so every output
 * element is computed by the same sequence of operations and the results are bit-identical
 * for every thread count.
 *
 * <pre>{@code
 * Kernels k = Kernels.best();
 * k.multiply(x, w, y);           // y = x·w
 * k.addRowVector(y, bias);       // y[r, :] += bias
 * Kernels serial = k.withThreads(1);   // same kernels, never splitting a product
 * }</pre>
 */
public interface Kernels {

    /** Short name for logs and benchmarks, such as {@code portable} or {@code vector}. */
    String name();

    /** When several implementations can run, the one with the highest priority is used. */
    default int priority() {
        return 0;
    }

    /** {@code true} if this implementation can run in the current JVM. */
    default boolean isAvailable() {
        return true;
    }

    /** When {@link #isAvailable()} is false: what to do to make it available, for the log. */
    default String howToEnable() {
        return "";
    }

    /**
     * How many threads a large product is split across, the calling thread included; 1 means
     * everything runs on the calling thread. Implementations that split work default to the
     * system property {@code neurite.threads}, else {@link Runtime#availableProcessors()}.
     */
    default int threads() {
        return 1;
    }

    /**
     * These kernels, splitting large products across at most {@code threads} threads (the
     * calling thread included). Implementations that never split work return {@code this}.
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    default Kernels withThreads(int threads) {
        checkThreads(threads);
        return this;
    }

    /** {@code c = a·b}; {@code a} is m×k, {@code b} k×n, {@code c} m×n. */
    void multiply(Matrix a, Matrix b, Matrix c);

    /** {@code c = aᵀ·b}; {@code a} is k×m, {@code b} k×n, {@code c} m×n. */
    void multiplyTransposeA(Matrix a, Matrix b, Matrix c);

    /** {@code c = a·bᵀ}; {@code a} is m×k, {@code b} n×k, {@code c} m×n. */
    void multiplyTransposeB(Matrix a, Matrix b, Matrix c);

    /** {@code m[r, :] += row} for every row {@code r}; {@code row} is 1×cols. */
    default void addRowVector(Matrix m, Matrix row) {
        checkAddRowVector(m, row);
        float[] d = m.data();
        float[] v = row.data();
        int cols = m.cols();
        for (int r = 0, o = 0; r < m.rows(); r++, o += cols) {
            for (int c = 0; c < cols; c++) {
                d[o + c] += v[c];
            }
        }
    }

    /** {@code out[0, c] = Σ_r m[r, c]}: the column sums, as a 1×cols matrix. */
    default void sumRows(Matrix m, Matrix out) {
        checkSumRows(m, out);
        float[] d = m.data();
        float[] s = out.data();
        int cols = m.cols();
        java.util.Arrays.fill(s, 0f);
        for (int r = 0, o = 0; r < m.rows(); r++, o += cols) {
            for (int c = 0; c < cols; c++) {
                s[c] += d[o + c];
            }
        }
    }

    /**
     * {@code true} if every element of {@code m} is finite (neither NaN nor infinite): the
     * divergence check after each training step, so back ends make it as fast as a read of
     * {@code m} can be. Agrees with {@link Matrix#isFinite()}.
     */
    default boolean isFinite(Matrix m) {
        return m.isFinite();
    }

    /** The portable implementation of {@code neurite-core}: always available. */
    static Kernels portable() {
        return PortableKernels.INSTANCE;
    }

    /**
     * The available implementation with the highest priority among those on the class path,
     * chosen once per JVM.
     */
    static Kernels best() {
        return KernelsSelection.BEST;
    }

    /** Fails unless {@code c = a·b} is defined for these shapes. Allocates nothing when it is. */
    static void checkMultiply(Matrix a, Matrix b, Matrix c) {
        if (a.cols() != b.rows() || !c.hasShape(a.rows(), b.cols())) {
            throw productMismatch(a.rows(), a.cols(), b.rows(), b.cols(), c, a.shape(), b.shape());
        }
    }

    /** Fails unless {@code c = aᵀ·b} is defined for these shapes. Allocates nothing when it is. */
    static void checkMultiplyTransposeA(Matrix a, Matrix b, Matrix c) {
        if (a.rows() != b.rows() || !c.hasShape(a.cols(), b.cols())) {
            throw productMismatch(a.cols(), a.rows(), b.rows(), b.cols(), c, a.shape() + "ᵀ", b.shape());
        }
    }

    /** Fails unless {@code c = a·bᵀ} is defined for these shapes. Allocates nothing when it is. */
    static void checkMultiplyTransposeB(Matrix a, Matrix b, Matrix c) {
        if (a.cols() != b.cols() || !c.hasShape(a.rows(), b.rows())) {
            throw productMismatch(a.rows(), a.cols(), b.cols(), b.rows(), c, a.shape(), b.shape() + "ᵀ");
        }
    }

    /** Fails unless {@code row} is 1×{@code m.cols()}, as {@link #addRowVector} needs. */
    static void checkAddRowVector(Matrix m, Matrix row) {
        if (!row.hasShape(1, m.cols())) {
            throw Matrix.shapeMismatch(row, 1, m.cols(), "the row vector added to a " + m.shape() + " matrix");
        }
    }

    /** Fails unless {@code out} is 1×{@code m.cols()}, as {@link #sumRows} needs. */
    static void checkSumRows(Matrix m, Matrix out) {
        if (!out.hasShape(1, m.cols())) {
            throw Matrix.shapeMismatch(out, 1, m.cols(), "the column sums of a " + m.shape() + " matrix");
        }
    }

    /** Fails unless {@code threads} is a usable thread count. */
    static void checkThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("kernels need at least 1 thread, got " + threads
                    + ": pass a positive count (1 runs everything on the calling thread)");
        }
    }

    private static IllegalArgumentException productMismatch(int m, int k, int k2, int n, Matrix c,
                                                            String left, String right) {
        if (k != k2) {
            return new IllegalArgumentException("cannot multiply " + left + " by " + right
                    + ": inner dimensions " + k + " ≠ " + k2);
        }
        return new IllegalArgumentException("the product of " + left + " and " + right
                + " is " + m + "×" + n + " but the result matrix is " + c.shape());
    }
}
