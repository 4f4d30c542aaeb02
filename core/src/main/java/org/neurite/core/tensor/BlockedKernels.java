package org.neurite.core.tensor;

import org.neurite.core.internal.Split;
import org.neurite.core.internal.WorkerPool;

/**
 * What every blocked-product back end shares, so that a back end writes only its block
 * computation: the shape checks, the direct loops for tiny products (the XOR network's
 * 4×2·2×8), and the split of large products by output rows or columns, in whole register
 * blocks, across a pool of {@link #threads()} threads. Each output element is computed by the
 * same operations whatever the split, so results are bit-identical for every thread count.
 * A warm call allocates nothing.
 */
public abstract class BlockedKernels implements Kernels {
    /** {@link #compute} of C = A·B. */
    public static final int NN = 0;
    /** {@link #compute} of C = Aᵀ·B. */
    public static final int TN = 1;
    /** {@link #compute} of C = A·Bᵀ. */
    public static final int NT = 2;

    /** Products with fewer multiply-adds than this take the direct loops. */
    static final long DIRECT_MAX = 1 << 13;
    /** Products with at least this many multiply-adds are split across threads. */
    static final long PARALLEL_MIN = 1 << 19;

    private final int threads;
    private final WorkerPool pool;
    private final Job job = new Job();

    /** @throws IllegalArgumentException if {@code threads < 1} */
    protected BlockedKernels(int threads) {
        Kernels.checkThreads(threads);
        this.threads = threads;
        this.pool = threads > 1 ? WorkerPool.of(threads) : null;
    }

    /**
     * Computes rows {@code [i0, i1)} and columns {@code [j0, j1)} of the m×n product
     * {@code op} of the k-deep operands, overwriting them; {@code i0}, {@code j0} are
     * multiples of {@link #rowUnit()} and {@link #columnUnit()}. Called from several threads
     * at once on disjoint blocks of one product.
     */
    protected abstract void compute(int op, float[] a, float[] b, float[] c, int m, int n, int k,
                                    int i0, int i1, int j0, int j1);

    /** Rows of C a thread's part is a multiple of: the register tile's height. */
    protected abstract int rowUnit();

    /** Columns of C a thread's part is a multiple of: the register tile's width. */
    protected abstract int columnUnit();

    /** Whether {@link #compute} packs blocks of A, which a split by columns then repeats. */
    protected abstract boolean packsA();

    @Override
    public final int threads() {
        return threads;
    }

    @Override
    public final void multiply(Matrix a, Matrix b, Matrix c) {
        Kernels.checkMultiply(a, b, c);
        int m = a.rows();
        int k = a.cols();
        int n = b.cols();
        if ((long) m * n * k < DIRECT_MAX) {
            DirectProduct.multiply(a.data(), b.data(), c.data(), m, k, n);
        } else {
            product(NN, a.data(), b.data(), c.data(), m, n, k);
        }
    }

    @Override
    public final void multiplyTransposeA(Matrix a, Matrix b, Matrix c) {
        Kernels.checkMultiplyTransposeA(a, b, c);
        int k = a.rows();
        int m = a.cols();
        int n = b.cols();
        if ((long) m * n * k < DIRECT_MAX) {
            DirectProduct.multiplyTransposeA(a.data(), b.data(), c.data(), m, k, n);
        } else {
            product(TN, a.data(), b.data(), c.data(), m, n, k);
        }
    }

    @Override
    public final void multiplyTransposeB(Matrix a, Matrix b, Matrix c) {
        Kernels.checkMultiplyTransposeB(a, b, c);
        int m = a.rows();
        int k = a.cols();
        int n = b.rows();
        if ((long) m * n * k < DIRECT_MAX) {
            DirectProduct.multiplyTransposeB(a.data(), b.data(), c.data(), m, k, n);
        } else {
            product(NT, a.data(), b.data(), c.data(), m, n, k);
        }
    }

    private void product(int op, float[] a, float[] b, float[] c, int m, int n, int k) {
        if (pool != null && (long) m * n * k >= PARALLEL_MIN) {
            int mr = rowUnit();
            int nr = columnUnit();
            boolean columns = Split.byColumns(m, n, threads, mr, nr, packsA());
            int parts = Split.parts(columns ? n : m, columns ? nr : mr, threads);
            if (parts > 1 && pool.tryAcquire()) {
                try {
                    job.set(op, a, b, c, m, n, k, columns);
                    pool.run(job, parts);
                    return;
                } finally {
                    job.clear();
                    pool.release();
                }
            }
        }
        compute(op, a, b, c, m, n, k, 0, m, 0, n);
    }

    /** A product in flight on the pool; reused, and only touched by the pool's holder. */
    private final class Job implements WorkerPool.Job {
        private int op;
        private float[] a;
        private float[] b;
        private float[] c;
        private int m;
        private int n;
        private int k;
        private boolean columns;

        void set(int op, float[] a, float[] b, float[] c, int m, int n, int k, boolean columns) {
            this.op = op;
            this.a = a;
            this.b = b;
            this.c = c;
            this.m = m;
            this.n = n;
            this.k = k;
            this.columns = columns;
        }

        void clear() {
            a = null;
            b = null;
            c = null;
        }

        @Override
        public void run(int part, int parts) {
            if (columns) {
                int nr = columnUnit();
                compute(op, a, b, c, m, n, k, 0, m, Split.start(part, parts, n, nr),
                        Split.start(part + 1, parts, n, nr));
            } else {
                int mr = rowUnit();
                compute(op, a, b, c, m, n, k, Split.start(part, parts, m, mr),
                        Split.start(part + 1, parts, m, mr), 0, n);
            }
        }
    }
}
