package org.neurite.kernels.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurite.core.tensor.Kernels;
import org.neurite.core.tensor.Matrix;
import org.neurite.kernels.vector.ProductReference.Op;

/** Runs with --add-modules jdk.incubator.vector (see the POM). */
class VectorKernelsTest {
    /** The CPU's tile, and the 4-row tile of 16-register CPUs, each on one thread. */
    private static final List<Kernels> KERNELS = List.of(
            new VectorKernels(1, 0), new VectorKernels(1, 8), new VectorKernels(1, 4));

    /** m, k, n: tiny (portable direct loops), odd, 1×n, n×1, k = 1, past one tile, panel or block. */
    static Stream<Arguments> shapes() {
        int[][] shapes = {
            {4, 2, 8}, {1, 1, 1}, {3, 5, 7}, {1, 300, 70}, {70, 300, 1}, {67, 1, 45},
            {45, 1, 67}, {33, 65, 17}, {64, 64, 64}, {37, 263, 41}, {9, 521, 23},
            {5, 40, 800}, {130, 70, 70}, {2, 1, 2}, {17, 2, 600}, {8, 48, 48}, {9, 49, 49},
            {200, 30, 47},
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
        for (Kernels kernels : KERNELS) {
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
        ProductReference.apply(new VectorKernels(), op, a, b, c);
        assertEquals(new Matrix(m, n), c);
    }

    static Stream<Arguments> largeShapes() {
        List<Arguments> cases = new ArrayList<>();
        for (Op op : Op.values()) {
            for (int[] s : new int[][] {{64, 300, 259}, {301, 77, 40}, {97, 131, 1000}, {530, 67, 18}}) {
                cases.add(Arguments.of(op, s[0], s[1], s[2]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}×{2}·{2}×{3}")
    @MethodSource("largeShapes")
    void resultsAreBitIdenticalForEveryThreadCount(Op op, int m, int k, int n) {
        assertTrue((long) m * n * k >= VectorKernels.PARALLEL_MIN, "the shape must be split");
        Matrix a = ProductReference.left(op, m, k, 5);
        Matrix b = ProductReference.right(op, k, n, 6);
        Matrix one = new Matrix(m, n);
        ProductReference.apply(new VectorKernels(1, 0), op, a, b, one);
        ProductReference.assertProduct(op, a, b, one, m, k, n, "1 thread " + op);
        for (int threads = 2; threads <= 3; threads++) {
            Matrix many = new Matrix(m, n).fill(Float.NaN);
            ProductReference.apply(new VectorKernels(1, 0).withThreads(threads), op, a, b, many);
            assertArrayEquals(one.data(), many.data(), threads + " threads differ from 1 for " + op);
        }
    }

    @Test
    void concurrentCallersSharingOneInstanceGetTheSameResults() throws Exception {
        Kernels shared = new VectorKernels(2, 0);
        Matrix a = ProductReference.random(96, 200, 1);
        Matrix b = ProductReference.random(200, 120, 2);
        Matrix expected = new Matrix(96, 120);
        new VectorKernels(1, 0).multiply(a, b, expected);
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
    void theVectorKernelsAreTheBestWhenTheModuleIsPresent() {
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
        assertInstanceOf(VectorKernels.class, Kernels.best());
        assertEquals("vector", Kernels.best().name());
        assertTrue(Kernels.best().priority() > Kernels.portable().priority());
    }

    @Test
    void theDefaultThreadCountIsThePortableKernelsOne() {
        assertEquals(Kernels.portable().threads(), new VectorKernels().threads());
        Kernels two = new VectorKernels().withThreads(2);
        assertEquals(2, two.threads());
        assertSame(two, two.withThreads(2));
        assertEquals("vector", two.name());
    }

    @Test
    void shapeErrorsNameBothShapes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new VectorKernels().multiply(new Matrix(4, 3), new Matrix(2, 8), new Matrix(4, 8)));
        assertEquals("cannot multiply 4×3 by 2×8: inner dimensions 3 ≠ 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new VectorKernels()
                .multiplyTransposeA(new Matrix(3, 4), new Matrix(2, 8), new Matrix(4, 8)));
        assertEquals("cannot multiply 3×4ᵀ by 2×8: inner dimensions 3 ≠ 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new VectorKernels()
                .multiplyTransposeB(new Matrix(4, 3), new Matrix(8, 2), new Matrix(4, 8)));
        assertEquals("cannot multiply 4×3 by 8×2ᵀ: inner dimensions 3 ≠ 2", e.getMessage());
    }

    @Test
    void threadCountsBelowOneAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> new VectorKernels().withThreads(0));
        assertTrue(e.getMessage().startsWith("kernels need at least 1 thread, got 0"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 16, 77})
    void addRowVectorMatchesThePortableKernelsExactly(int cols) {
        Matrix m = ProductReference.random(5, cols, 1);
        Matrix row = ProductReference.random(1, cols, 2);
        Matrix expected = m.copy();
        Kernels.portable().addRowVector(expected, row);
        new VectorKernels().addRowVector(m, row);
        assertEquals(expected, m);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 16, 77})
    void sumRowsMatchesThePortableKernelsExactly(int cols) {
        Matrix m = ProductReference.random(9, cols, 3);
        Matrix expected = new Matrix(1, cols);
        Kernels.portable().sumRows(m, expected);
        Matrix out = new Matrix(1, cols).fill(Float.NaN);
        new VectorKernels().sumRows(m, out);
        assertEquals(expected, out);
    }

    @Test
    void rowOperationsNameTheExpectedShape() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new VectorKernels().addRowVector(new Matrix(4, 3), new Matrix(1, 4)));
        assertTrue(e.getMessage().contains("1×3") && e.getMessage().contains("1×4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new VectorKernels().sumRows(new Matrix(4, 3), new Matrix(3, 1)));
        assertTrue(e.getMessage().contains("1×3") && e.getMessage().contains("3×1"), e.getMessage());
    }
}
