package org.neurite.onnx;

import org.neurite.core.spi.Activation;
import org.neurite.core.tensor.Matrix;

/** A test plugin with no ONNX export. */
public final class SquareActivation implements Activation {
    @Override
    public String name() {
        return "square";
    }

    @Override
    public void forward(Matrix z, Matrix a) {
        for (int i = 0; i < z.size(); i++) {
            a.data()[i] = z.data()[i] * z.data()[i];
        }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        for (int i = 0; i < z.size(); i++) {
            gradZ.data()[i] = 2 * z.data()[i] * gradA.data()[i];
        }
    }
}
