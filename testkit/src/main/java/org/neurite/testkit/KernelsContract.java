package org.neurite.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.neurite.core.tensor.Kernels;
import org.neurite.core.tensor.Matrix;
import org.neurite.testkit.ProductReference.Op;

/**
 * Contract tests for a {@link Kernels} implementation: subclass it in a JUnit 5 test and return
 * the kernels. It checks that
 * <ul>
 *   <li>the three products match a double-precision triple loop on 1 and 2 threads, for odd
 *       sizes, 1×n, n×1, k = 1, shapes past one cache block and seeded random shapes, writing
 *       every element of a NaN-filled result; an element may differ from the exact value by
 *       (k+4)·2⁻²³·Σₚ|aᵢₚ||bₚⱼ|, about twice the worst case of float rounding in a k-term sum
 *       in any order (k·2⁻²⁴·Σ|a||b|) plus the final rounding, so blocking, fused
 *       multiply-add and any summation order pass;</li>
 *   <li>products with 0 rows, columns or inner dimension write zeros;</li>
 *   <li>products of at least 2¹⁹ multiply-adds are bit-identical on 1, 2 and 3 threads
 *       ({@link Kernels#withThreads}), and four callers sharing one instance get the results
 *       of one thread;</li>
 *   <li>shape errors name both shapes, and the result's shape when that is wrong, with the
 *       messages of {@link Kernels#checkMultiply} and its siblings; {@code withThreads} rejects
 *       counts below one with {@link Kernels#checkThreads}' message;</li>
 *   <li>{@code addRowVector} gives exactly the float sums (one rounding per element), and
 *       {@code sumRows} the column sums to (rows+4)·2⁻²³·Σ|m|; wrong shapes are named;</li>
 *   <li>once warm, products and row operations allocate nothing on the calling thread, on 1 or
 *       2 threads (the best of several measurements must be 0 bytes, so JIT warm-up is no
 *       failure; skipped where the JVM cannot count a thread's allocations).</li>
 * </ul>
 *
 * <p>Every check is a {@code protected} JUnit test method; to leave one out for a good reason,
 * override it in the subclass without {@code @Test} or {@code @TestFactory} (and say why in a
 * comment). Test another configuration of the same kernels with a {@code @Nested} subclass.
 *
 * <pre>{@code
 * class BlasKernelsContractTest extends KernelsContract {
 *     @Override
 *     protected Kernels kernels() {
 *         return new BlasKernels();            // as ServiceLoader creates it
 *     }
 * }
 * }</pre>
 */
public abstract class KernelsContract {
    /**
     * m, k, n: tiny, odd, 1×n, n×1, k = 1, past one register tile, panel or cache block, and
     * predictions on one to four samples (1×784·784×256 is Fashion-MNIST's first layer).
     */
    private static final int[][] SHAPES = {
        {4, 2, 8}, {1, 1, 1}, {2, 1, 2}, {3, 5, 7}, {1, 33, 1}, {1, 300, 70}, {70, 300, 1},
        {67, 1, 45}, {45, 1, 67}, {33, 65, 17}, {64, 64, 64}, {8, 48, 48}, {9, 49, 49},
        {37, 263, 41}, {9, 521, 23}, {5, 40, 531}, {5, 40, 800}, {130, 70, 70}, {17, 2, 600},
        {200, 30, 47}, {1, 784, 256}, {2, 129, 33}, {3, 50, 35}, {4, 100, 77},
    };
    private static final int RANDOM_SHAPES = 6;
    private static final int[][] EMPTY_SHAPES = {{0, 5, 7}, {5, 7, 0}, {0, 0, 0}, {6, 0, 9}, {300, 0, 300}};
    /** Wide results split by columns, tall thin ones by rows; odd sizes everywhere. */
    private static final int[][] LARGE_SHAPES = {
        {64, 300, 259}, {301, 77, 40}, {97, 131, 1000}, {530, 67, 18}, {2, 600, 1001},
    };
    /** Narrow and wide rows, and widths that are and are not multiples of a vector. */
    private static final int[] WIDTHS = {1, 3, 16, 77};
    private static final long ALLOCATION_NANOS = 20_000_000_000L;

    /** The kernels under test, as {@link java.util.ServiceLoader} creates them. */
    protected abstract Kernels kernels();

    /** The kernels must run in this JVM: every other check would fail for that reason alone. */
    @BeforeEach
    protected final void kernelsAreAvailable() {
        Kernels k = kernels();
        assertTrue(k.isAvailable(), "kernels '" + k.name() + "' cannot run in this JVM, so the"
                + " contract cannot check them: " + k.howToEnable());
    }

    /** All three products match the double reference on 1 and 2 threads. */
    @TestFactory
    protected Stream<DynamicTest> productsMatchADoubleReference() {
        List<int[]> shapes = new ArrayList<>(List.of(SHAPES));
        SplittableRandom random = new SplittableRandom(2024);
        for (int i = 0; i < RANDOM_SHAPES; i++) {
            shapes.add(new int[] {random.nextInt(1, 150), random.nextInt(1, 150),
                random.nextInt(1, 150)});
        }
        List<Kernels> kernels = List.of(kernels().withThreads(1), kernels().withThreads(2));
        return cases(shapes.toArray(int[][]::new), (op, m, k, n) -> {
            Matrix a = op.left(m, k, 11L * m + k);
            Matrix b = op.right(k, n, 13L * n + k);
            for (Kernels each : kernels) {
                Matrix c = new Matrix(m, n).fill(Float.NaN); // every element must be overwritten
                op.apply(each, a, b, c);
                ProductReference.assertProduct(op, a, b, c, m, k, n,
                        label(each) + ", " + op.describe(m, k, n));
            }
        });
    }

    /** A product with no rows, no columns or no inner dimension fills its result with zeros. */
    @TestFactory
    protected Stream<DynamicTest> emptyOperandsGiveZeros() {
        Kernels kernels = kernels();
        return cases(EMPTY_SHAPES, (op, m, k, n) -> {
            Matrix c = new Matrix(m, n).fill(Float.NaN);
            op.apply(kernels, op.left(m, k, 1), op.right(k, n, 2), c);
            assertEquals(new Matrix(m, n), c,
                    label(kernels) + ": " + op.describe(m, k, n) + " must give zeros");
        });
    }

    /** Large products are correct on 1 thread and bit-identical on 2 and 3. */
    @TestFactory
    protected Stream<DynamicTest> resultsAreBitIdenticalForOneTwoAndThreeThreads() {
        Kernels kernels = kernels();
        return cases(LARGE_SHAPES, (op, m, k, n) -> {
            Matrix a = op.left(m, k, 5);
            Matrix b = op.right(k, n, 6);
            Matrix one = new Matrix(m, n);
            op.apply(kernels.withThreads(1), a, b, one);
            ProductReference.assertProduct(op, a, b, one, m, k, n,
                    label(kernels.withThreads(1)) + ", " + op.describe(m, k, n));
            for (int threads = 2; threads <= 3; threads++) {
                Matrix many = new Matrix(m, n).fill(Float.NaN);
                op.apply(kernels.withThreads(threads), a, b, many);
                assertArrayEquals(one.data(), many.data(), label(kernels) + ": " + threads
                        + " threads differ from 1 for " + op.describe(m, k, n) + "; split work by"
                        + " output rows or columns only, so each element is computed the same way");
            }
        });
    }

    /** Four threads calling one shared instance at once get the single-threaded results. */
    @Test
    protected void concurrentCallersSharingOneInstanceGetTheSameResults() throws Exception {
        Kernels shared = kernels().withThreads(2);
        KernelsWorkload alone = new KernelsWorkload();
        alone.run(kernels().withThreads(1));
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<Matrix>>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                tasks.add(() -> {
                    KernelsWorkload work = new KernelsWorkload();
                    for (int r = 0; r < 20; r++) {
                        work.run(shared);
                    }
                    return work.results();
                });
            }
            for (Future<List<Matrix>> f : callers.invokeAll(tasks)) {
                assertEquals(alone.results(), f.get(), label(shared) + " gave concurrent callers other"
                        + " results than one caller: keep per-call state out of shared fields");
            }
        } finally {
            callers.shutdownNow();
        }
    }

    /** {@code multiply} names both shapes and the inner dimensions that differ. */
    @Test
    protected void multiplyNamesBothShapesWhenInnerDimensionsDiffer() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> kernels().multiply(new Matrix(4, 3), new Matrix(2, 8), new Matrix(4, 8)));
        assertEquals("cannot multiply 4×3 by 2×8: inner dimensions 3 ≠ 2", e.getMessage());
    }

    /** {@code multiplyTransposeA} names the transposed shape. */
    @Test
    protected void multiplyTransposeANamesTheTransposedShape() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> kernels().multiplyTransposeA(new Matrix(3, 4), new Matrix(2, 8), new Matrix(4, 8)));
        assertEquals("cannot multiply 3×4ᵀ by 2×8: inner dimensions 3 ≠ 2", e.getMessage());
    }

    /** {@code multiplyTransposeB} names the transposed shape. */
    @Test
    protected void multiplyTransposeBNamesTheTransposedShape() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> kernels().multiplyTransposeB(new Matrix(4, 3), new Matrix(8, 2), new Matrix(4, 8)));
        assertEquals("cannot multiply 4×3 by 8×2ᵀ: inner dimensions 3 ≠ 2", e.getMessage());
    }

    /** Each product names the operands, the product's shape and the result's wrong shape. */
    @Test
    protected void aResultOfTheWrongShapeIsNamed() {
        Kernels k = kernels();
        var e = assertThrows(IllegalArgumentException.class,
                () -> k.multiply(new Matrix(4, 3), new Matrix(3, 8), new Matrix(8, 4)));
        assertEquals("the product of 4×3 and 3×8 is 4×8 but the result matrix is 8×4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> k.multiplyTransposeA(new Matrix(3, 4), new Matrix(3, 8), new Matrix(8, 4)));
        assertEquals("the product of 3×4ᵀ and 3×8 is 4×8 but the result matrix is 8×4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> k.multiplyTransposeB(new Matrix(4, 3), new Matrix(8, 3), new Matrix(8, 4)));
        assertEquals("the product of 4×3 and 8×3ᵀ is 4×8 but the result matrix is 8×4", e.getMessage());
    }

    /** {@code withThreads(0)} and {@code withThreads(-1)} fail and say what to pass. */
    @Test
    protected void threadCountsBelowOneAreRejected() {
        for (int threads : new int[] {0, -1}) {
            var e = assertThrows(IllegalArgumentException.class, () -> kernels().withThreads(threads));
            assertEquals("kernels need at least 1 thread, got " + threads + ": pass a positive count"
                    + " (1 runs everything on the calling thread)", e.getMessage());
        }
    }

    /** {@code addRowVector} adds the row to every row, rounding each sum once. */
    @TestFactory
    protected Stream<DynamicTest> addRowVectorAddsTheRowToEveryRow() {
        Kernels kernels = kernels();
        return rowCases((rows, cols) -> {
            Matrix m = ProductReference.random(rows, cols, 1);
            Matrix row = ProductReference.random(1, cols, 2);
            Matrix expected = m.copy();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    expected.set(r, c, m.get(r, c) + row.get(0, c));
                }
            }
            kernels.addRowVector(m, row);
            assertEquals(expected, m, label(kernels) + ": addRowVector on " + rows + "×" + cols);
        });
    }

    /** {@code sumRows} writes every column sum, to float rounding (zeros for no rows). */
    @TestFactory
    protected Stream<DynamicTest> sumRowsMatchesADoubleReference() {
        Kernels kernels = kernels();
        return rowCases((rows, cols) -> {
            Matrix m = ProductReference.random(rows, cols, 3);
            Matrix out = new Matrix(1, cols).fill(Float.NaN);
            kernels.sumRows(m, out);
            ProductReference.assertColumnSums(m, out, label(kernels) + ": sumRows of " + m.shape());
        });
    }

    /** {@code addRowVector} names the row's shape and the one it needs. */
    @Test
    protected void addRowVectorNamesTheExpectedShape() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> kernels().addRowVector(new Matrix(4, 3), new Matrix(1, 4)));
        assertTrue(e.getMessage().contains("1×3") && e.getMessage().contains("1×4"), e.getMessage());
    }

    /** {@code sumRows} names the result's shape and the one it needs. */
    @Test
    protected void sumRowsNamesTheExpectedShape() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> kernels().sumRows(new Matrix(4, 3), new Matrix(3, 1)));
        assertTrue(e.getMessage().contains("1×3") && e.getMessage().contains("3×1"), e.getMessage());
    }

    /**
     * {@code isFinite} finds one NaN, +∞ or −∞ at every position of arrays around every vector
     * width (whole vectors and tails), and accepts the extremes of the finite floats.
     */
    @TestFactory
    protected Stream<DynamicTest> isFiniteFindsEveryNonFiniteValueAnywhere() {
        Kernels kernels = kernels();
        return IntStream.of(1, 3, 4, 7, 8, 15, 16, 17, 33, 64, 65, 100).mapToObj(length -> dynamicTest(
                "length " + length, () -> {
                    Matrix m = ProductReference.random(1, length, length);
                    m.data()[0] = Float.MAX_VALUE;
                    m.data()[length - 1] = -Float.MIN_VALUE;
                    assertTrue(kernels.isFinite(m), label(kernels) + ": finite extremes");
                    for (int i = 0; i < length; i++) {
                        float kept = m.data()[i];
                        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                                Float.intBitsToFloat(0xffc00001)}) {
                            m.data()[i] = bad;
                            assertFalse(kernels.isFinite(m), label(kernels) + ": " + bad + " at " + i + " of " + length);
                        }
                        m.data()[i] = kept;
                    }
                    assertTrue(kernels.isFinite(m), label(kernels) + ": restored");
                    assertTrue(kernels.isFinite(new Matrix(0, 0)), label(kernels) + ": empty");
                }));
    }

    /** Once warm, 250 calls of every kind allocate nothing on the calling thread. */
    @TestFactory
    protected Stream<DynamicTest> warmCallsAllocateNothing() {
        Kernels kernels = kernels();
        return Stream.of(1, 2).map(threads -> dynamicTest(threads + " thread(s)",
                () -> assertAllocatesNothing(kernels.withThreads(threads))));
    }

    private static void assertAllocatesNothing(Kernels kernels) {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count the bytes a thread allocates");
        var threadBean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        KernelsWorkload work = new KernelsWorkload();
        // Interpreted and partly compiled code may allocate: the best round counts, and rounds
        // go on until one is clean or the time is up.
        long best = Long.MAX_VALUE;
        int rounds = 0;
        long deadline = System.nanoTime() + ALLOCATION_NANOS;
        while (best != 0 && System.nanoTime() < deadline) {
            long before = threadBean.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 50; i++) {
                work.run(kernels);
            }
            best = Math.min(best, threadBean.getCurrentThreadAllocatedBytes() - before);
            rounds++;
        }
        assertEquals(0, best, label(kernels) + " allocated at least " + best + " bytes in each of " + rounds
                + " rounds of 250 warm calls: keep scratch buffers per thread and reuse them");
    }

    /** Such as {@code kernels 'vector' on 2 threads}. */
    private static String label(Kernels kernels) {
        int threads = kernels.threads();
        return "kernels '" + kernels.name() + "' on " + threads + (threads == 1 ? " thread" : " threads");
    }

    @FunctionalInterface
    private interface ProductCase {
        void check(Op op, int m, int k, int n);
    }

    @FunctionalInterface
    private interface RowCase {
        void check(int rows, int cols);
    }

    /** One dynamic test per product and shape, named like {@code NT 4×3·8×3ᵀ}. */
    private static Stream<DynamicTest> cases(int[][] shapes, ProductCase check) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Op op : Op.values()) {
            for (int[] s : shapes) {
                tests.add(dynamicTest(op + " " + op.describe(s[0], s[1], s[2]),
                        () -> check.check(op, s[0], s[1], s[2])));
            }
        }
        return tests.stream();
    }

    /** One dynamic test per width, for 0, 1 and 9 rows. */
    private static Stream<DynamicTest> rowCases(RowCase check) {
        List<DynamicTest> tests = new ArrayList<>();
        for (int cols : WIDTHS) {
            for (int rows : new int[] {0, 1, 9}) {
                tests.add(dynamicTest(rows + "×" + cols, () -> check.check(rows, cols)));
            }
        }
        return tests.stream();
    }
}
