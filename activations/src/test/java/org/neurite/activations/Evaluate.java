package org.neurite.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.neurite.core.spi.Activation;
import org.neurite.core.tensor.Matrix;

/** Helpers for value tests: one row in, one row out, compared to double references. */
final class Evaluate {
    private Evaluate() {
    }

    /** {@code f} of a single row {@code z}. */
    static float[] forward(Activation f, float... z) {
        Matrix a = new Matrix(1, z.length);
        f.forward(Matrix.of(new float[][] {z.clone()}), a);
        return a.data();
    }

    /** The derivative of an element-wise {@code f} at each of {@code z}: backward with gradA = 1. */
    static float[] derivative(Activation f, float... z) {
        Matrix zm = Matrix.of(new float[][] {z.clone()});
        Matrix a = new Matrix(1, z.length);
        f.forward(zm, a);
        Matrix gradZ = new Matrix(1, z.length);
        f.backward(zm, a, new Matrix(1, z.length).fill(1f), gradZ);
        return gradZ.data();
    }

    /**
     * Asserts {@code actual} is the double reference rounded to float, give or take one float
     * ulp (the computation is in double precision, rounded once).
     */
    static void assertCloseToReference(double[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            float rounded = (float) expected[i];
            assertEquals(rounded, actual[i], Math.ulp(rounded), what + " element " + i);
        }
    }
}
