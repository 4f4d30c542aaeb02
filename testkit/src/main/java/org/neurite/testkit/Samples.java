package org.neurite.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.random.RandomGenerator;
import org.neurite.core.tensor.Matrix;

/** Random matrices and shared assertions for the contracts. */
final class Samples {
    private Samples() {
    }

    /** A {@code rows×cols} matrix of independent uniform values in [low, high). */
    static Matrix uniform(RandomGenerator random, int rows, int cols, double low, double high) {
        Matrix m = new Matrix(rows, cols);
        float[] data = m.data();
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextDouble(low, high);
        }
        return m;
    }

    /** The rows of {@code m} followed by the same rows again. */
    static Matrix stacked(Matrix m) {
        Matrix out = new Matrix(2 * m.rows(), m.cols());
        System.arraycopy(m.data(), 0, out.data(), 0, m.size());
        System.arraycopy(m.data(), 0, out.data(), m.size(), m.size());
        return out;
    }

    /** Fails, naming the first element, unless every element of {@code m} is finite. */
    static void assertAllFinite(Matrix m, String what) {
        float[] data = m.data();
        for (int i = 0; i < data.length; i++) {
            if (!Float.isFinite(data[i])) {
                int cols = Math.max(m.cols(), 1);
                fail(what + " left element (" + i / cols + ", " + i % cols + ") of its " + m.shape()
                        + " output as " + data[i] + " (the output was pre-filled with NaN): every"
                        + " element must be written with a finite value");
            }
        }
    }
}
