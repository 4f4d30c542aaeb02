package org.neurite.activations;

import org.neurite.core.tensor.Matrix;

/** Shape checks shared by the activations; they allocate nothing unless a check fails. */
final class Shapes {
    private Shapes() {
    }

    /** Fails unless {@code a} has the shape of {@code z}. */
    static void forward(String name, Matrix z, Matrix a) {
        require(name, "forward", "output a", z, a);
    }

    /** Fails unless {@code a}, {@code gradA} and {@code gradZ} have the shape of {@code z}. */
    static void backward(String name, Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        require(name, "backward", "a", z, a);
        require(name, "backward", "gradA", z, gradA);
        require(name, "backward", "output gradZ", z, gradZ);
    }

    private static void require(String name, String method, String what, Matrix z, Matrix m) {
        if (m.rows() != z.rows() || m.cols() != z.cols()) {
            Matrix.requireShape(m, z.rows(), z.cols(), "activation '" + name + "' " + method + ": "
                    + what + ", which must have the shape of z,");
        }
    }
}
