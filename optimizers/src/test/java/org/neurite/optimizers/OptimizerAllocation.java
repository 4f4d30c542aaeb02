package org.neurite.optimizers;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/** Checks that {@link Optimizer.Updater#step()} allocates nothing, by counting allocated bytes. */
final class OptimizerAllocation {
    private static final int STEPS = 20_000;

    private OptimizerAllocation() {
    }

    /**
     * Asserts that the thread allocates fewer bytes over {@value #STEPS} steps (after as many
     * to warm up) than there are steps: the smallest object takes 16 bytes, so no step
     * allocates; the few bytes allowed are the JIT's and the JVM's.
     */
    static void assertStepAllocatesNothing(Optimizer optimizer) {
        assumeTrue(allocatedBytes() >= 0, "the JVM does not count allocated bytes");
        Parameter kernel = new Parameter("dense_1/kernel", new Matrix(4, 3).fill(0.5f));
        Parameter bias = new Parameter("dense_1/bias", new Matrix(1, 3));
        kernel.gradient().fill(1e-3f);
        bias.gradient().fill(-1e-3f);
        Optimizer.Updater run = optimizer.start(List.of(kernel, bias));
        for (int i = 0; i < STEPS; i++) {
            run.step();
        }
        long before = allocatedBytes();
        for (int i = 0; i < STEPS; i++) {
            run.step();
        }
        long bytes = allocatedBytes() - before;
        assertTrue(bytes < STEPS, optimizer + " allocated " + bytes + " bytes in " + STEPS + " steps");
    }

    private static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled()) {
            return bean.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }
}
