package org.neurite.core.layer;

import java.util.List;
import java.util.random.RandomGenerator;
import org.neurite.core.spi.Activation;
import org.neurite.core.tensor.Kernels;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/**
 * One step of a feed-forward network, ending (optionally) in an activation.
 *
 * <p>A layer is {@link #build built} once for its input width, which creates its parameters.
 * {@link #forward} and {@link #backward} then work on batches (one sample per row) and return
 * matrices the layer owns and reuses: they stay valid until the next call with a batch of the
 * same size. Once buffers exist for a batch size, neither call allocates. Layers are not
 * thread-safe.
 */
public interface Layer {

    /** The layer's name, unique within its network, such as {@code dense_1}. */
    String name();

    /** The layer type as written in configuration files: {@code dense}, {@code activation}. */
    String type();

    /**
     * Creates the parameters for inputs of width {@code inputSize}, drawing initial values from
     * {@code random}, and binds the layer to {@code kernels}.
     */
    void build(int inputSize, Kernels kernels, RandomGenerator random);

    /** Width of the input, known once built. */
    int inputSize();

    /** Width of the output, known once built. */
    int outputSize();

    /** The trainable parameters, in a stable order (empty for layers without any). */
    List<Parameter> parameters();

    /**
     * The activation this layer ends with, or {@code null} if its output is linear. A loss may
     * fuse with it (see {@link org.neurite.core.spi.Loss#fusedWith}).
     */
    Activation activation();

    /** Computes the output for {@code input} (n×{@link #inputSize()}), keeping what backward needs. */
    Matrix forward(Matrix input);

    /** The input of {@link #activation()} in the last forward pass (the output if linear). */
    Matrix logits();

    /**
     * Back-propagates dL/doutput of the last forward pass: writes the parameters' gradients
     * and returns dL/dinput, or {@code null} if {@code needInputGradient} is false.
     */
    default Matrix backward(Matrix gradOutput, boolean needInputGradient) {
        return backwardFromLogits(activationBackward(gradOutput), needInputGradient);
    }

    /** dL/dlogits from dL/doutput of the last forward pass, through {@link #activation()}. */
    Matrix activationBackward(Matrix gradOutput);

    /**
     * Like {@link #backward} but starting from dL/dlogits, skipping the activation: used when
     * the loss is fused with it.
     */
    Matrix backwardFromLogits(Matrix gradLogits, boolean needInputGradient);

    /** One line of a network summary: the extra description after the type, or empty. */
    default String describe() {
        Activation a = activation();
        return a == null ? "" : a.name();
    }
}
