package org.neurite.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.neurite.core.spi.Loss;
import org.neurite.core.tensor.Matrix;

/** Independent checks of a loss: central finite differences and allocation counting. */
final class LossAssertions {
    private LossAssertions() {
    }

    /**
     * Asserts that {@code loss.gradient} agrees with central differences of {@code loss.loss}
     * at every element of {@code predictions}.
     */
    static void assertGradientMatchesFiniteDifferences(Loss loss, Matrix predictions, Matrix targets) {
        Matrix grad = new Matrix(predictions.rows(), predictions.cols());
        loss.gradient(predictions, targets, grad);
        float[] p = predictions.data();
        for (int i = 0; i < p.length; i++) {
            float original = p[i];
            float step = 1e-3f * Math.max(1f, Math.abs(original));
            float plus = original + step;
            float minus = original - step;
            p[i] = plus;
            double lossPlus = loss.loss(predictions, targets);
            p[i] = minus;
            double lossMinus = loss.loss(predictions, targets);
            p[i] = original;
            // The step actually taken, after rounding to float.
            double numeric = (lossPlus - lossMinus) / ((double) plus - minus);
            int element = i;
            assertEquals(numeric, grad.data()[i], 1e-5 + 1e-4 * Math.abs(numeric),
                    () -> loss.name() + ": gradient element " + element + " of " + grad);
        }
    }

    /** The bytes the current thread allocated so far, or -1 if the JVM cannot tell. */
    static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled()) {
            return bean.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }

    /**
     * Asserts that {@code loss} and {@code gradient} allocate nothing per call: the bytes the
     * thread allocates over {@value #CALLS} calls of each, after as many to warm up, must be
     * fewer than the calls (the smallest object takes 16 bytes). The few bytes allowed are the
     * JIT's and the JVM's, not the loss's.
     */
    static void assertNoAllocationPerCall(Loss loss, Matrix predictions, Matrix targets) {
        Matrix grad = new Matrix(predictions.rows(), predictions.cols());
        double sink = 0;
        for (int i = 0; i < CALLS; i++) {
            sink += loss.loss(predictions, targets);
            loss.gradient(predictions, targets, grad);
        }
        long before = allocatedBytes();
        for (int i = 0; i < CALLS; i++) {
            sink += loss.loss(predictions, targets);
            loss.gradient(predictions, targets, grad);
        }
        long bytes = allocatedBytes() - before;
        assertTrue(bytes < CALLS, loss.name() + " allocated " + bytes + " bytes in " + CALLS
                + " calls (sink " + sink + ")");
    }

    private static final int CALLS = 20_000;
}
