package org.neurite.core.layer;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.neurite.core.spi.Activation;
import org.neurite.core.tensor.Kernels;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/** Applies an activation on its own, like Keras's {@code Activation('relu')} layer. */
public final class ActivationLayer implements Layer {
    private final String name;
    private final Activation activation;
    private final BatchBuffers<Buffers> buffers = new BatchBuffers<>(Buffers::new);
    private int width = -1;
    private Matrix input;
    private Buffers current;

    /** An activation layer named {@code name} applying {@code activation}. */
    public ActivationLayer(String name, Activation activation) {
        this.name = Objects.requireNonNull(name, "name");
        this.activation = Objects.requireNonNull(activation, "activation");
    }

    private final class Buffers {
        final Matrix output;
        final Matrix gradInput;

        Buffers(int n) {
            output = new Matrix(n, width);
            gradInput = new Matrix(n, width);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "activation";
    }

    @Override
    public void build(int inputSize, Kernels kernels, RandomGenerator random) {
        this.width = inputSize;
    }

    @Override
    public int inputSize() {
        return width;
    }

    @Override
    public int outputSize() {
        return width;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public Activation activation() {
        return activation;
    }

    @Override
    public Matrix forward(Matrix x) {
        if (x.cols() != width) {
            throw new IllegalArgumentException(name + " expects inputs of width " + width
                    + " but got a " + x.shape() + " batch");
        }
        input = x;
        current = buffers.get(x.rows());
        activation.forward(x, current.output);
        return current.output;
    }

    @Override
    public Matrix logits() {
        return input;
    }

    @Override
    public Matrix activationBackward(Matrix gradOutput) {
        activation.backward(input, current.output, gradOutput, current.gradInput);
        return current.gradInput;
    }

    @Override
    public Matrix backwardFromLogits(Matrix gradLogits, boolean needInputGradient) {
        return needInputGradient ? gradLogits : null;
    }

    @Override
    public String toString() {
        return name + " (activation, " + activation.name() + ")";
    }
}
