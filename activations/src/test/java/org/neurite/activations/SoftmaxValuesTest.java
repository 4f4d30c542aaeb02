package org.neurite.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.neurite.activations.Evaluate.assertCloseToReference;
import static org.neurite.activations.Evaluate.forward;

import org.junit.jupiter.api.Test;
import org.neurite.core.tensor.Matrix;

class SoftmaxValuesTest {

    @Test
    void softmaxOfTwoHugeEqualLogitsIsOneHalfEach() {
        assertArrayEquals(new float[] {0.5f, 0.5f}, forward(new Softmax(), 1000f, 1000f));
    }

    @Test
    void softmaxOfLogitsFarApartIsFiniteAndOneHot() {
        assertArrayEquals(new float[] {0f, 0f, 1f}, forward(new Softmax(), -1e4f, 0f, 1e4f));
    }

    @Test
    void softmaxMatchesTheReferenceRowByRow() {
        Matrix z = Matrix.of(new float[][] {{1f, 2f, 3f}, {3f, 2f, 1f}});
        Matrix a = new Matrix(2, 3);
        new Softmax().forward(z, a);
        double[] reference = {0.09003057317038046, 0.24472847105479764, 0.6652409557748219};
        assertCloseToReference(reference, a.toArray()[0], "row 0");
        assertCloseToReference(new double[] {reference[2], reference[1], reference[0]}, a.toArray()[1], "row 1");
    }

    @Test
    void aRowOfWidthOneIsOneWithAZeroGradient() {
        Matrix z = Matrix.of(new float[][] {{-7f}, {42f}});
        Matrix a = new Matrix(2, 1);
        Softmax softmax = new Softmax();
        softmax.forward(z, a);
        assertArrayEquals(new float[] {1f, 1f}, a.data());
        Matrix gradZ = new Matrix(2, 1);
        softmax.backward(z, a, Matrix.of(new float[][] {{3f}, {-2f}}), gradZ);
        assertArrayEquals(new float[] {0f, 0f}, gradZ.data());
    }

    @Test
    void backwardIsTheFullVectorJacobianProduct() {
        Matrix z = Matrix.of(new float[][] {{0.5f, -1f, 2f}, {0f, 0f, 0f}});
        Matrix gradA = Matrix.of(new float[][] {{1f, -2f, 0.25f}, {1f, 0f, 0f}});
        Softmax softmax = new Softmax();
        Matrix a = new Matrix(2, 3);
        softmax.forward(z, a);
        Matrix gradZ = new Matrix(2, 3);
        softmax.backward(z, a, gradA, gradZ);
        for (int r = 0; r < 2; r++) {
            for (int i = 0; i < 3; i++) {
                double expected = 0;
                for (int j = 0; j < 3; j++) {
                    double jacobian = a.get(r, j) * ((i == j ? 1 : 0) - a.get(r, i)); // ∂a_j/∂z_i
                    expected += gradA.get(r, j) * jacobian;
                }
                assertEquals(expected, gradZ.get(r, i), 1e-7, "gradZ(" + r + ", " + i + ")");
            }
        }
    }
}
