package org.neurite.core.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.neurite.core.tensor.ProductReference.Op;

class PortableKernelsTest {
    private static final Kernels ONE_THREAD = new PortableKernels(1, true);
    private static final Kernels NO_FMA = new PortableKernels(1, false);

    /** m, k, n: tiny (direct loops), odd, 1×n, n×1, k = 1, k and n past one panel, rows not a multiple of 4. */
    static Stream<Arguments> shapes() {
        int[][] shapes = {
            {4, 2, 8}, {1, 1, 1}, {3, 5, 7}, {1, 33, 1}, {1, 300, 70}, {70, 300, 1},
            {67, 1, 45}, {45, 1, 67}, {33, 65, 17}, {64, 64, 64}, {37, 263, 41},
            {9, 521, 23}, {5, 40, 531}, {130, 70, 70}, {2, 1, 2}, {17, 2, 600},
        };
        List<Arguments> cases = new ArrayList<>();
        for (Op op : Op.values()) {
            for (int[] s : shapes) {
                cases.add(Arguments.of(op, s[0], s[1], s[2]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}×{2}·{2}×{3}")
    @MethodSource("shapes")
    void productsMatchADoubleReference(Op op, int m, int k, int n) {
        Matrix a = ProductReference.left(op, m, k, 11L * m + k);
        Matrix b = ProductReference.right(op, k, n, 13L * n + k);
        for (Kernels kernels : List.of(ONE_THREAD, NO_FMA, ONE_THREAD.withThreads(2))) {
            Matrix c = new Matrix(m, n).fill(Float.NaN); // every element must be overwritten
            ProductReference.apply(kernels, op, a, b, c);
            ProductReference.assertProduct(op, a, b, c, m, k, n, kernels + " " + op);
        }
    }

    static Stream<Arguments> emptyShapes() {
        List<Arguments> cases = new ArrayList<>();
        for (Op op : Op.values()) {
            for (int[] s : new int[][] {{0, 5, 7}, {5, 7, 0}, {0, 0, 0}, {6, 0, 9}, {300, 0, 300}}) {
                cases.add(Arguments.of(op, s[0], s[1], s[2]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}×{2}·{2}×{3}")
    @MethodSource("emptyShapes")
    void emptyOperandsGiveZeros(Op op, int m, int k, int n) {
        Matrix a = ProductReference.left(op, m, k, 1);
        Matrix b = ProductReference.right(op, k, n, 2);
        Matrix c = new Matrix(m, n).fill(Float.NaN);
        ProductReference.apply(Kernels.portable(), op, a, b, c);
        assertTrue(c.equals(new Matrix(m, n)), () -> "expected zeros, got " + c);
    }

    static Stream<Arguments> largeShapes() {
        List<Arguments> cases = new ArrayList<>();
        for (Op op : Op.values()) {
            // wide results split by columns, tall thin ones by rows; odd sizes everywhere
            for (int[] s : new int[][] {{64, 300, 259}, {301, 77, 40}, {97, 131, 1000}, {530, 67, 18}}) {
                cases.add(Arguments.of(op, s[0], s[1], s[2]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}×{2}·{2}×{3}")
    @MethodSource("largeShapes")
    void resultsAreBitIdenticalForEveryThreadCount(Op op, int m, int k, int n) {
        assertTrue((long) m * n * k >= PortableKernels.PARALLEL_MIN, "the shape must be split");
        Matrix a = ProductReference.left(op, m, k, 5);
        Matrix b = ProductReference.right(op, k, n, 6);
        Matrix one = new Matrix(m, n);
        ProductReference.apply(ONE_THREAD, op, a, b, one);
        ProductReference.assertProduct(op, a, b, one, m, k, n, "1 thread " + op);
        for (int threads = 2; threads <= 3; threads++) {
            Matrix many = new Matrix(m, n).fill(Float.NaN);
            ProductReference.apply(ONE_THREAD.withThreads(threads), op, a, b, many);
            assertArrayEquals(one.data(), many.data(), threads + " threads differ from 1 for " + op);
        }
    }

    @Test
    void concurrentCallersSharingOneInstanceGetTheSameResults() throws Exception {
        Kernels shared = ONE_THREAD.withThreads(2);
        Matrix a = ProductReference.random(96, 200, 1);
        Matrix b = ProductReference.random(200, 120, 2);
        Matrix expected = new Matrix(96, 120);
        ONE_THREAD.multiply(a, b, expected);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Matrix>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                tasks.add(() -> {
                    Matrix c = new Matrix(96, 120);
                    for (int r = 0; r < 20; r++) {
                        shared.multiply(a, b, c);
                    }
                    return c;
                });
            }
            for (Future<Matrix> f : callers.invokeAll(tasks)) {
                assertArrayEquals(expected.data(), f.get().data());
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void multiplyNamesBothShapesWhenInnerDimensionsDiffer() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Kernels.portable().multiply(new Matrix(4, 3), new Matrix(2, 8), new Matrix(4, 8)));
        assertEquals("cannot multiply 4×3 by 2×8: inner dimensions 3 ≠ 2", e.getMessage());
    }

    @Test
    void multiplyTransposeANamesTheTransposedShape() {
        var e = assertThrows(IllegalArgumentException.class, () -> Kernels.portable()
                .multiplyTransposeA(new Matrix(3, 4), new Matrix(2, 8), new Matrix(4, 8)));
        assertEquals("cannot multiply 3×4ᵀ by 2×8: inner dimensions 3 ≠ 2", e.getMessage());
    }

    @Test
    void multiplyTransposeBNamesTheTransposedShape() {
        var e = assertThrows(IllegalArgumentException.class, () -> Kernels.portable()
                .multiplyTransposeB(new Matrix(4, 3), new Matrix(8, 2), new Matrix(4, 8)));
        assertEquals("cannot multiply 4×3 by 8×2ᵀ: inner dimensions 3 ≠ 2", e.getMessage());
    }

    @Test
    void aResultOfTheWrongShapeIsNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Kernels.portable().multiply(new Matrix(4, 3), new Matrix(3, 8), new Matrix(8, 4)));
        assertEquals("the product of 4×3 and 3×8 is 4×8 but the result matrix is 8×4", e.getMessage());
    }

    @Test
    void threadCountsBelowOneAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> Kernels.portable().withThreads(0));
        assertEquals("kernels need at least 1 thread, got 0: pass a positive count"
                + " (1 runs everything on the calling thread)", e.getMessage());
    }

    @Test
    void withThreadsKeepsTheImplementationAndReportsTheCount() {
        Kernels two = Kernels.portable().withThreads(2);
        assertEquals("portable", two.name());
        assertEquals(2, two.threads());
        assertSame(two, two.withThreads(2));
        assertEquals(1, two.withThreads(1).threads());
    }

    @Test
    void theDefaultThreadCountIsTheAvailableProcessors() {
        String before = System.getProperty("neurite.threads");
        try {
            System.clearProperty("neurite.threads");
            assertEquals(Runtime.getRuntime().availableProcessors(), PortableKernels.defaultThreads());
            System.setProperty("neurite.threads", "3");
            assertEquals(3, PortableKernels.defaultThreads());
            System.setProperty("neurite.threads", "many");
            assertEquals(Runtime.getRuntime().availableProcessors(), PortableKernels.defaultThreads());
        } finally {
            if (before == null) {
                System.clearProperty("neurite.threads");
            } else {
                System.setProperty("neurite.threads", before);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Width.class)
    void addRowVectorAddsTheRowToEveryRow(Width width) {
        int cols = width.cols;
        Matrix m = ProductReference.random(5, cols, 1);
        Matrix row = ProductReference.random(1, cols, 2);
        Matrix expected = m.copy();
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < cols; c++) {
                expected.set(r, c, m.get(r, c) + row.get(0, c));
            }
        }
        Kernels.portable().addRowVector(m, row);
        assertEquals(expected, m);
    }

    @ParameterizedTest
    @EnumSource(Width.class)
    void sumRowsAddsUpEachColumnInRowOrder(Width width) {
        int cols = width.cols;
        Matrix m = ProductReference.random(7, cols, 3);
        Matrix expected = new Matrix(1, cols);
        for (int r = 0; r < 7; r++) {
            for (int c = 0; c < cols; c++) {
                expected.set(0, c, expected.get(0, c) + m.get(r, c));
            }
        }
        Matrix out = new Matrix(1, cols).fill(Float.NaN);
        Kernels.portable().sumRows(m, out);
        assertEquals(expected, out);
    }

    /** Narrow rows take a plain loop, wide ones a copy through a scratch row. */
    enum Width {
        NARROW(3), WIDE(77);

        final int cols;

        Width(int cols) {
            this.cols = cols;
        }
    }

    @Test
    void addRowVectorNamesTheExpectedShape() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Kernels.portable().addRowVector(new Matrix(4, 3), new Matrix(1, 4)));
        assertTrue(e.getMessage().contains("1×3") && e.getMessage().contains("1×4"), e.getMessage());
    }

    @Test
    void sumRowsNamesTheExpectedShape() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Kernels.portable().sumRows(new Matrix(4, 3), new Matrix(3, 1)));
        assertTrue(e.getMessage().contains("1×3") && e.getMessage().contains("3×1"), e.getMessage());
    }
}
