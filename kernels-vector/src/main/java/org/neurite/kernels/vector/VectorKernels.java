package org.neurite.kernels.vector;

import org.neurite.core.internal.Split;
import org.neurite.core.internal.WorkerPool;
import org.neurite.core.tensor.Kernels;
import org.neurite.core.tensor.Matrix;

/**
 * Kernels on the JDK's Vector API ({@code jdk.incubator.vector}): register-tiled, packed,
 * cache-blocked products that run several times faster than the portable ones, split across
 * threads like them. Registered for {@link java.util.ServiceLoader}, so {@link Kernels#best()}
 * picks them whenever the JVM has the module:
 *
 * <pre>{@code
 * java --add-modules jdk.incubator.vector -cp app.jar:neurite-kernels-vector.jar ...
 * Kernels.best().name();   // "vector"
 * }</pre>
 *
 * <p>This class loads without the module (every Vector API reference is in a class touched
 * only when {@link #isAvailable()} is true), so a JVM without it falls back to the portable
 * kernels with one log line. Safe to share between threads.
 */
public final class VectorKernels implements Kernels {
    /** The incubator module the kernels need. */
    public static final String MODULE = "jdk.incubator.vector";

    private static final boolean AVAILABLE = ModuleLayer.boot().findModule(MODULE).isPresent();
    /** Products with fewer multiply-adds go to the portable kernels' direct loops. */
    static final long SMALL_MAX = 1 << 13;
    /** Products with at least this many multiply-adds are split across threads. */
    static final long PARALLEL_MIN = 1 << 19;
    private static final Kernels SMALL = Kernels.portable().withThreads(1);
    /** The narrowest vectors, in floats, at which these kernels beat the portable ones. */
    static final int MIN_WINNING_FLOATS = 8;

    private final int threads;
    private final int tile;
    private final WorkerPool pool;
    private final Job job = new Job();

    /** The service-loader constructor: as many threads as the portable kernels use by default. */
    public VectorKernels() {
        this(Kernels.portable().threads(), 0);
    }

    /**
     * {@code tile} one of {@link VectorProduct}'s tile shapes (tests), or 0 for the one that
     * fits this JVM's vector registers.
     */
    VectorKernels(int threads, int tile) {
        Kernels.checkThreads(threads);
        this.threads = threads;
        this.tile = tile;
        this.pool = threads > 1 ? WorkerPool.of(threads) : null;
    }

    @Override
    public String name() {
        return "vector";
    }

    /**
     * Above the portable kernels' where vectors hold at least 8 floats (AVX2, AVX-512, 256-bit
     * SVE); below them with 128-bit vectors (NEON, SSE, {@code -XX:MaxVectorSize=16}), where the
     * portable kernels, auto-vectorized by the JIT to the same width, are as fast or faster:
     * {@link Kernels#best()} then keeps the portable ones.
     */
    @Override
    public int priority() {
        return AVAILABLE && Width.floats() < MIN_WINNING_FLOATS ? -10 : 10;
    }

    /** {@code true} when the JVM was started with the {@code jdk.incubator.vector} module. */
    @Override
    public boolean isAvailable() {
        return AVAILABLE;
    }

    @Override
    public String howToEnable() {
        return "run the JVM with --add-modules " + MODULE;
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public Kernels withThreads(int threads) {
        Kernels.checkThreads(threads);
        return threads == this.threads ? this : new VectorKernels(threads, tile);
    }

    @Override
    public void multiply(Matrix a, Matrix b, Matrix c) {
        Kernels.checkMultiply(a, b, c);
        int m = a.rows();
        int k = a.cols();
        int n = b.cols();
        if ((long) m * n * k < SMALL_MAX) {
            SMALL.multiply(a, b, c);
        } else {
            product(VectorProduct.NN, a.data(), b.data(), c.data(), m, n, k);
        }
    }

    @Override
    public void multiplyTransposeA(Matrix a, Matrix b, Matrix c) {
        Kernels.checkMultiplyTransposeA(a, b, c);
        int k = a.rows();
        int m = a.cols();
        int n = b.cols();
        if ((long) m * n * k < SMALL_MAX) {
            SMALL.multiplyTransposeA(a, b, c);
        } else {
            product(VectorProduct.TN, a.data(), b.data(), c.data(), m, n, k);
        }
    }

    @Override
    public void multiplyTransposeB(Matrix a, Matrix b, Matrix c) {
        Kernels.checkMultiplyTransposeB(a, b, c);
        int m = a.rows();
        int k = a.cols();
        int n = b.rows();
        if ((long) m * n * k < SMALL_MAX) {
            SMALL.multiplyTransposeB(a, b, c);
        } else {
            product(VectorProduct.NT, a.data(), b.data(), c.data(), m, n, k);
        }
    }

    private void product(int op, float[] a, float[] b, float[] c, int m, int n, int k) {
        requireModule();
        int shape = tile != 0 ? tile : VectorProduct.DEFAULT_TILE;
        int mr = VectorProduct.rows(shape);
        if (pool != null && (long) m * n * k >= PARALLEL_MIN) {
            int nr = VectorProduct.columns(shape);
            boolean columns = Split.byColumns(m, n, threads, mr, nr, true);
            int parts = Split.parts(columns ? n : m, columns ? nr : mr, threads);
            if (parts > 1 && pool.tryAcquire()) {
                try {
                    job.set(op, a, b, c, m, n, k, columns, shape);
                    pool.run(job, parts);
                    return;
                } finally {
                    job.clear();
                    pool.release();
                }
            }
        }
        VectorProduct.compute(op, a, b, c, m, n, k, 0, m, 0, n, shape);
    }

    @Override
    public void addRowVector(Matrix m, Matrix row) {
        if (!row.hasShape(1, m.cols())) {
            throw Matrix.shapeMismatch(row, 1, m.cols(), "the row vector added to a " + m.shape() + " matrix");
        }
        requireModule();
        VectorProduct.addRowVector(m.data(), row.data(), m.rows(), m.cols());
    }

    @Override
    public void sumRows(Matrix m, Matrix out) {
        if (!out.hasShape(1, m.cols())) {
            throw Matrix.shapeMismatch(out, 1, m.cols(), "the column sums of a " + m.shape() + " matrix");
        }
        requireModule();
        VectorProduct.sumRows(m.data(), out.data(), m.rows(), m.cols());
    }

    private static void requireModule() {
        if (!AVAILABLE) {
            throw new IllegalStateException("the vector kernels need the " + MODULE
                    + " module, which this JVM has not loaded: run the JVM with --add-modules "
                    + MODULE + ", or compute with Kernels.best(), which falls back to the portable"
                    + " kernels");
        }
    }

    @Override
    public String toString() {
        String shape = AVAILABLE ? VectorProduct.describe(tile != 0 ? tile : VectorProduct.DEFAULT_TILE) + ", "
                : "";
        return "vector kernels (" + shape + threads + (threads == 1 ? " thread)" : " threads)");
    }

    /** The vector width, read only when the module is present (it loads the Vector API). */
    private static final class Width {
        static int floats() {
            return VectorProduct.L;
        }
    }

    /** A product in flight on the pool; reused, and only touched by the pool's holder. */
    private static final class Job implements WorkerPool.Job {
        private int op;
        private float[] a;
        private float[] b;
        private float[] c;
        private int m;
        private int n;
        private int k;
        private boolean columns;
        private int tile;

        void set(int op, float[] a, float[] b, float[] c, int m, int n, int k, boolean columns,
                 int tile) {
            this.op = op;
            this.a = a;
            this.b = b;
            this.c = c;
            this.m = m;
            this.n = n;
            this.k = k;
            this.columns = columns;
            this.tile = tile;
        }

        void clear() {
            a = null;
            b = null;
            c = null;
        }

        @Override
        public void run(int part, int parts) {
            if (columns) {
                int nr = VectorProduct.columns(tile);
                int j0 = Split.start(part, parts, n, nr);
                int j1 = Split.start(part + 1, parts, n, nr);
                VectorProduct.compute(op, a, b, c, m, n, k, 0, m, j0, j1, tile);
            } else {
                int mr = VectorProduct.rows(tile);
                int i0 = Split.start(part, parts, m, mr);
                int i1 = Split.start(part + 1, parts, m, mr);
                VectorProduct.compute(op, a, b, c, m, n, k, i0, i1, 0, n, tile);
            }
        }
    }
}
