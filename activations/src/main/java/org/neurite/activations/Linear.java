package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.core.tensor.Matrix;

/** {@code linear}: the identity, {@code a = z}; its gradient passes {@code gradA} through. */
public final class Linear implements Activation {
    private static final String NAME = "linear";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void forward(Matrix z, Matrix a) {
        Shapes.forward(NAME, z, a);
        System.arraycopy(z.data(), 0, a.data(), 0, z.size());
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        Shapes.backward(NAME, z, a, gradA, gradZ);
        System.arraycopy(gradA.data(), 0, gradZ.data(), 0, gradA.size());
    }

    @Override
    public String toString() {
        return NAME;
    }
}
