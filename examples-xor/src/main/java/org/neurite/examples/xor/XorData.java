package org.neurite.examples.xor;

import org.neurite.core.tensor.Matrix;
import org.neurite.core.data.Dataset;

/** The four XOR samples with one-hot targets: class 1 when exactly one input is 1. */
public final class XorData {
    private XorData() {
    }

    /** Inputs (0,0), (0,1), (1,0), (1,1). */
    public static Matrix inputs() {
        return Matrix.of(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    }

    /** One-hot targets (1,0), (0,1), (0,1), (1,0). */
    public static Matrix targets() {
        return Matrix.of(new float[][] {{1, 0}, {0, 1}, {0, 1}, {1, 0}});
    }

    /** Inputs and targets together. */
    public static Dataset dataset() {
        return new Dataset(inputs(), targets());
    }
}
