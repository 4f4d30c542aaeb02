package org.neurite.core.tensor;

import java.util.Arrays;
import org.neurite.core.internal.Split;
import org.neurite.core.internal.WorkerPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain-Java kernels that run on every JVM. Tiny products (the XOR network's 4×2·2×8) take a
 * direct loop; larger ones the cache- and register-blocked {@link PortableProduct}, which C2
 * vectorizes; the largest are split by output rows or columns across {@link #threads()}
 * threads. Scratch buffers are per thread and reused, so a warm call allocates nothing.
 */
final class PortableKernels implements Kernels {
    private static final Logger LOG = LoggerFactory.getLogger(Kernels.class);

    /** Products with fewer multiply-adds than this take the direct loops. */
    static final long DIRECT_MAX = 1 << 13;
    /** Products with at least this many multiply-adds are split across threads. */
    static final long PARALLEL_MIN = 1 << 19;
    /** Columns per unit when splitting by columns: one 512-bit vector of floats. */
    static final int COLUMN_UNIT = 16;
    /** Rows of C that {@code addRowVector} and {@code sumRows} handle through a scratch row. */
    private static final int ROW_COPY_MIN = 32;

    static final PortableKernels INSTANCE = new PortableKernels(defaultThreads(), true);

    private final int threads;
    private final boolean allowFma;
    private final WorkerPool pool;
    private final Job job = new Job();

    PortableKernels(int threads, boolean allowFma) {
        Kernels.checkThreads(threads);
        this.threads = threads;
        this.allowFma = allowFma;
        this.pool = threads > 1 ? WorkerPool.of(threads) : null;
    }

    /** {@code neurite.threads}, else the number of available processors. */
    static int defaultThreads() {
        int processors = Runtime.getRuntime().availableProcessors();
        String value = System.getProperty("neurite.threads");
        if (value == null || value.isBlank()) {
            return processors;
        }
        try {
            int t = Integer.parseInt(value.trim());
            if (t >= 1) {
                return t;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warn("Ignoring -Dneurite.threads={}: it must be a positive integer; using {} threads"
                + " (the available processors)", value, processors);
        return processors;
    }

    @Override
    public String name() {
        return "portable";
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public Kernels withThreads(int threads) {
        Kernels.checkThreads(threads);
        return threads == this.threads ? this : new PortableKernels(threads, allowFma);
    }

    @Override
    public void multiply(Matrix a, Matrix b, Matrix c) {
        Kernels.checkMultiply(a, b, c);
        int m = a.rows();
        int k = a.cols();
        int n = b.cols();
        if ((long) m * n * k < DIRECT_MAX) {
            DirectProduct.multiply(a.data(), b.data(), c.data(), m, k, n);
        } else {
            product(PortableProduct.NN, a.data(), b.data(), c.data(), m, n, k);
        }
    }

    @Override
    public void multiplyTransposeA(Matrix a, Matrix b, Matrix c) {
        Kernels.checkMultiplyTransposeA(a, b, c);
        int k = a.rows();
        int m = a.cols();
        int n = b.cols();
        if ((long) m * n * k < DIRECT_MAX) {
            DirectProduct.multiplyTransposeA(a.data(), b.data(), c.data(), m, k, n);
        } else {
            product(PortableProduct.TN, a.data(), b.data(), c.data(), m, n, k);
        }
    }

    @Override
    public void multiplyTransposeB(Matrix a, Matrix b, Matrix c) {
        Kernels.checkMultiplyTransposeB(a, b, c);
        int m = a.rows();
        int k = a.cols();
        int n = b.rows();
        if ((long) m * n * k < DIRECT_MAX) {
            DirectProduct.multiplyTransposeB(a.data(), b.data(), c.data(), m, k, n);
        } else {
            product(PortableProduct.NT, a.data(), b.data(), c.data(), m, n, k);
        }
    }

    private void product(int op, float[] a, float[] b, float[] c, int m, int n, int k) {
        boolean fma = allowFma && FusedMultiplyAdd.FAST;
        if (pool != null && (long) m * n * k >= PARALLEL_MIN) {
            boolean columns = Split.byColumns(m, n, threads, PortableProduct.MR, COLUMN_UNIT, false);
            int parts = Split.parts(columns ? n : m,
                    columns ? COLUMN_UNIT : PortableProduct.MR, threads);
            if (parts > 1 && pool.tryAcquire()) {
                try {
                    job.set(op, a, b, c, m, n, k, columns, fma);
                    pool.run(job, parts);
                    return;
                } finally {
                    job.clear();
                    pool.release();
                }
            }
        }
        PortableProduct.compute(op, a, b, c, m, n, k, 0, m, 0, n, fma);
    }

    @Override
    public void addRowVector(Matrix m, Matrix row) {
        if (!row.hasShape(1, m.cols())) {
            throw Matrix.shapeMismatch(row, 1, m.cols(), "the row vector added to a " + m.shape() + " matrix");
        }
        float[] d = m.data();
        float[] v = row.data();
        int cols = m.cols();
        int rows = m.rows();
        if (cols < ROW_COPY_MIN) {
            for (int r = 0, o = 0; r < rows; r++, o += cols) {
                for (int c = 0; c < cols; c++) {
                    d[o + c] += v[c];
                }
            }
            return;
        }
        // d[o + c] += v[c] stays scalar (d and v might overlap); t[c] += v[c] vectorizes
        float[] t = PortableProduct.scratch().row(cols);
        for (int r = 0, o = 0; r < rows; r++, o += cols) {
            System.arraycopy(d, o, t, 0, cols);
            for (int c = 0; c < cols; c++) {
                t[c] += v[c];
            }
            System.arraycopy(t, 0, d, o, cols);
        }
    }

    @Override
    public void sumRows(Matrix m, Matrix out) {
        if (!out.hasShape(1, m.cols())) {
            throw Matrix.shapeMismatch(out, 1, m.cols(), "the column sums of a " + m.shape() + " matrix");
        }
        float[] d = m.data();
        float[] s = out.data();
        int cols = m.cols();
        int rows = m.rows();
        Arrays.fill(s, 0f);
        if (cols < ROW_COPY_MIN) {
            for (int r = 0, o = 0; r < rows; r++, o += cols) {
                for (int c = 0; c < cols; c++) {
                    s[c] += d[o + c];
                }
            }
            return;
        }
        float[] t = PortableProduct.scratch().row(cols);
        for (int r = 0, o = 0; r < rows; r++, o += cols) {
            System.arraycopy(d, o, t, 0, cols);
            for (int c = 0; c < cols; c++) {
                s[c] += t[c];
            }
        }
    }

    @Override
    public String toString() {
        return "portable kernels (" + threads + (threads == 1 ? " thread)" : " threads)");
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
        private boolean fma;

        void set(int op, float[] a, float[] b, float[] c, int m, int n, int k, boolean columns,
                 boolean fma) {
            this.op = op;
            this.a = a;
            this.b = b;
            this.c = c;
            this.m = m;
            this.n = n;
            this.k = k;
            this.columns = columns;
            this.fma = fma;
        }

        void clear() {
            a = null;
            b = null;
            c = null;
        }

        @Override
        public void run(int part, int parts) {
            if (columns) {
                int j0 = Split.start(part, parts, n, COLUMN_UNIT);
                int j1 = Split.start(part + 1, parts, n, COLUMN_UNIT);
                PortableProduct.compute(op, a, b, c, m, n, k, 0, m, j0, j1, fma);
            } else {
                int i0 = Split.start(part, parts, m, PortableProduct.MR);
                int i1 = Split.start(part + 1, parts, m, PortableProduct.MR);
                PortableProduct.compute(op, a, b, c, m, n, k, i0, i1, 0, n, fma);
            }
        }
    }
}
