package org.neurite.kernels.vector;

import org.neurite.core.tensor.BlockedKernels;
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
public final class VectorKernels extends BlockedKernels {
    /** The incubator module the kernels need. */
    public static final String MODULE = "jdk.incubator.vector";

    private static final boolean AVAILABLE = ModuleLayer.boot().findModule(MODULE).isPresent();
    /** The narrowest vectors, in floats, at which these kernels beat the portable ones. */
    static final int MIN_WINNING_FLOATS = 8;

    private final int tile;

    /** The service-loader constructor: as many threads as the portable kernels use by default. */
    public VectorKernels() {
        this(Kernels.portable().threads(), 0);
    }

    /**
     * {@code tile} one of {@link VectorProduct}'s tile shapes (tests), or 0 for the one that
     * fits this JVM's vector registers.
     */
    VectorKernels(int threads, int tile) {
        super(threads);
        this.tile = tile;
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
    public Kernels withThreads(int threads) {
        Kernels.checkThreads(threads);
        return threads == threads() ? this : new VectorKernels(threads, tile);
    }

    @Override
    protected void compute(int op, float[] a, float[] b, float[] c, int m, int n, int k,
                           int i0, int i1, int j0, int j1) {
        VectorProduct.compute(op, a, b, c, m, n, k, i0, i1, j0, j1, shape());
    }

    @Override
    protected int rowUnit() {
        return VectorProduct.rows(shape());
    }

    @Override
    protected int columnUnit() {
        return VectorProduct.columns(shape());
    }

    @Override
    protected boolean packsA() {
        return true;
    }

    /** The register tile; fails (before the Vector API is touched) without the module. */
    private int shape() {
        requireModule();
        return tile != 0 ? tile : VectorProduct.DEFAULT_TILE;
    }

    @Override
    public void addRowVector(Matrix m, Matrix row) {
        Kernels.checkAddRowVector(m, row);
        requireModule();
        VectorProduct.addRowVector(m.data(), row.data(), m.rows(), m.cols());
    }

    @Override
    public void sumRows(Matrix m, Matrix out) {
        Kernels.checkSumRows(m, out);
        requireModule();
        VectorProduct.sumRows(m.data(), out.data(), m.rows(), m.cols());
    }

    @Override
    public boolean isFinite(Matrix m) {
        requireModule();
        return VectorProduct.isFinite(m.data());
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
        String shape = AVAILABLE ? VectorProduct.describe(shape()) + ", " : "";
        return "vector kernels (" + shape + threads() + (threads() == 1 ? " thread)" : " threads)");
    }

    /** The vector width, read only when the module is present (it loads the Vector API). */
    private static final class Width {
        static int floats() {
            return VectorProduct.L;
        }
    }
}
