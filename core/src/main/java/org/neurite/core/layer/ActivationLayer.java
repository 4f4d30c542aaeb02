package org.neurite.core.layer;

import java.util.Objects;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.Layer;
import org.neurite.core.spi.LayerContext;
import org.neurite.core.spi.Pass;
import org.neurite.core.tensor.Matrix;

/**
 * Applies an activation on its own, like Keras's {@code Activation('relu')} layer. The layer
 * itself passes its input through; the network applies {@link #activation()}, so that a loss
 * can fuse with it.
 */
public final class ActivationLayer implements Layer {
    private final String name;
    private final Activation activation;

    /** An activation layer named {@code name} applying {@code activation}. */
    public ActivationLayer(String name, Activation activation) {
        this.name = Objects.requireNonNull(name, "name");
        this.activation = Objects.requireNonNull(activation, "activation");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return ActivationLayerType.NAME;
    }

    @Override
    public int outputWidth(int inputWidth) {
        return inputWidth;
    }

    @Override
    public void build(int inputWidth, LayerContext context) {
        // No parameters.
    }

    @Override
    public Activation activation() {
        return activation;
    }

    @Override
    public void forward(Matrix input, Matrix output, Pass pass) {
        output.copyFrom(input);
    }

    @Override
    public void backward(Matrix input, Matrix output, Matrix gradOutput, Matrix gradInput) {
        if (gradInput != null) {
            gradInput.copyFrom(gradOutput);
        }
    }

    @Override
    public String toString() {
        return name + " (activation, " + activation.name() + ")";
    }
}
