package org.neurite.core.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the portable kernels promise beyond the kernels contract, which neurite-testkit's
 * {@code PortableKernelsContractTest} checks them against (products, thread counts, shape
 * errors, allocation).
 */
class PortableKernelsTest {
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

    /** The contract allows any summation order; the portable kernels add rows in order, exactly. */
    @ParameterizedTest
    @EnumSource(Width.class)
    void sumRowsAddsUpEachColumnInRowOrder(Width width) {
        int cols = width.cols;
        Matrix m = random(7, cols, 3);
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

    /** A rows×cols matrix of uniform values in [-1, 1), from an explicit seed. */
    private static Matrix random(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix m = new Matrix(rows, cols);
        float[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return m;
    }
}
