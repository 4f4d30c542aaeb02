package org.neurite.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neurite.core.spi.Activation;
import org.neurite.core.tensor.Matrix;

/** Every activation rejects mismatched shapes, naming the matrix and both shapes. */
class ShapeErrorTest {

    static Stream<Activation> activations() {
        return Stream.of(new Relu(), new Softmax(), new Sigmoid(), new Tanh(), new Linear(),
                new LeakyRelu(), new Elu(), new Softplus(), new Swish(), new Silu(), new Gelu());
    }

    @ParameterizedTest
    @MethodSource("activations")
    void forwardIntoAnOutputOfAnotherShapeNamesBothShapes(Activation f) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> f.forward(new Matrix(2, 3), new Matrix(3, 2)));
        assertEquals("activation '" + f.name() + "' forward: output a, which must have the shape of z,"
                + " must be 2×3 but is 3×2", e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("activations")
    void backwardWithAMismatchedMatrixNamesIt(Activation f) {
        Matrix z = new Matrix(2, 3);
        Matrix ok = new Matrix(2, 3);
        Matrix wrong = new Matrix(2, 4);
        assertEquals("activation '" + f.name() + "' backward: a, which must have the shape of z,"
                + " must be 2×3 but is 2×4",
                assertThrows(IllegalArgumentException.class, () -> f.backward(z, wrong, ok, ok)).getMessage());
        assertEquals("activation '" + f.name() + "' backward: gradA, which must have the shape of z,"
                + " must be 2×3 but is 2×4",
                assertThrows(IllegalArgumentException.class, () -> f.backward(z, ok, wrong, ok)).getMessage());
        assertEquals("activation '" + f.name() + "' backward: output gradZ, which must have the shape"
                + " of z, must be 2×3 but is 2×4",
                assertThrows(IllegalArgumentException.class, () -> f.backward(z, ok, ok, wrong)).getMessage());
    }

    @ParameterizedTest
    @MethodSource("activations")
    void emptyBatchesAreAccepted(Activation f) {
        for (int[] shape : new int[][] {{0, 3}, {3, 0}, {0, 0}}) {
            Matrix z = new Matrix(shape[0], shape[1]);
            f.forward(z, new Matrix(shape[0], shape[1]));
            f.backward(z, z, z, new Matrix(shape[0], shape[1]));
        }
    }
}
