package org.neurite.layers;

import org.neurite.core.spi.Layer;
import org.neurite.core.spi.LayerContext;
import org.neurite.core.spi.Pass;
import org.neurite.core.tensor.Matrix;

/**
 * A layer without parameters that applies one function to each element, the same in training
 * and inference: {@code relu}, {@code leaky_relu}, {@code elu}. Holds only final values, so any
 * number of threads may use it at once.
 */
abstract class ElementwiseLayer implements Layer {
    private final String name;
    private final String type;

    ElementwiseLayer(String name, String type) {
        this.name = name;
        this.type = type;
    }

    /** {@code f(x)}. */
    abstract float value(float x);

    /** {@code f'(x)}. */
    abstract float derivative(float x);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final int outputWidth(int inputWidth) {
        return inputWidth;
    }

    @Override
    public final void build(int inputWidth, LayerContext context) {
        // No parameters.
    }

    @Override
    public final void forward(Matrix input, Matrix output, Pass pass) {
        float[] x = input.data();
        float[] y = output.data();
        for (int i = 0; i < x.length; i++) {
            y[i] = value(x[i]);
        }
    }

    @Override
    public final void backward(Matrix input, Matrix output, Matrix gradOutput, Matrix gradInput) {
        if (gradInput == null) {
            return;
        }
        float[] x = input.data();
        float[] g = gradOutput.data();
        float[] gx = gradInput.data();
        for (int i = 0; i < x.length; i++) {
            gx[i] = g[i] * derivative(x[i]);
        }
    }

    @Override
    public String toString() {
        return name + " (" + type + ")";
    }
}
