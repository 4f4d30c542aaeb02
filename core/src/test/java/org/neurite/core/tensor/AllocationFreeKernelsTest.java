package org.neurite.core.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Once warm, the portable kernels allocate nothing per call, on one thread or several. */
class AllocationFreeKernelsTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    void warmProductsAndRowOperationsAllocateNothing(int threads) {
        Kernels kernels = new PortableKernels(threads, true);
        Matrix a = ProductReference.random(96, 200, 1);
        Matrix b = ProductReference.random(200, 120, 2);
        Matrix bt = ProductReference.random(120, 200, 3);
        Matrix at = ProductReference.random(200, 96, 4);
        Matrix c = new Matrix(96, 120);
        Matrix row = new Matrix(1, 120);
        Runnable round = () -> {
            for (int i = 0; i < 50; i++) {
                kernels.multiply(a, b, c);
                kernels.multiplyTransposeA(at, b, c);
                kernels.multiplyTransposeB(a, bt, c);
                kernels.addRowVector(c, row);
                kernels.sumRows(c, row);
            }
        };
        // The JIT needs a while (interpreted code may allocate): measure until a round is clean.
        long allocated = Long.MAX_VALUE;
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (allocated != 0 && System.nanoTime() < deadline) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            round.run();
            allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        }
        assertEquals(0, allocated, "bytes allocated by 250 warm kernel calls");
    }
}
