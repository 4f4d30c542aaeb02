package org.neurite.core.tensor;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain-Java kernels that run on every JVM. Tiny products (the XOR network's 4×2·2×8) take a
 * direct loop; larger ones the cache- and register-blocked {@link PortableProduct}, which C2
 * vectorizes; the largest are split by output rows or columns across {@link #threads()}
 * threads. Scratch buffers are per thread and reused, so a warm call allocates nothing.
 */
final class PortableKernels extends BlockedKernels {
    private static final Logger LOG = LoggerFactory.getLogger(Kernels.class);

    /** Columns per unit when splitting by columns: one 512-bit vector of floats. */
    static final int COLUMN_UNIT = 16;
    /** Rows of C that {@code addRowVector} and {@code sumRows} handle through a scratch row. */
    private static final int ROW_COPY_MIN = 32;

    static final PortableKernels INSTANCE = new PortableKernels(defaultThreads(), true);

    private final boolean fma;

    PortableKernels(int threads, boolean allowFma) {
        super(threads);
        this.fma = allowFma && FusedMultiplyAdd.FAST;
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
    public Kernels withThreads(int threads) {
        Kernels.checkThreads(threads);
        return threads == threads() ? this : new PortableKernels(threads, fma);
    }

    @Override
    protected void compute(int op, float[] a, float[] b, float[] c, int m, int n, int k,
                           int i0, int i1, int j0, int j1) {
        PortableProduct.compute(op, a, b, c, m, n, k, i0, i1, j0, j1, fma);
    }

    @Override
    protected int rowUnit() {
        return PortableProduct.MR;
    }

    @Override
    protected int columnUnit() {
        return COLUMN_UNIT;
    }

    @Override
    protected boolean packsA() {
        return false;
    }

    @Override
    public void addRowVector(Matrix m, Matrix row) {
        Kernels.checkAddRowVector(m, row);
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
        Kernels.checkSumRows(m, out);
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
        return "portable kernels (" + threads() + (threads() == 1 ? " thread)" : " threads)");
    }
}
