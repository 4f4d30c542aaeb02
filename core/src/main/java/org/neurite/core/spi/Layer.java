package org.neurite.core.spi;

import org.neurite.core.tensor.Matrix;

/**
 * One layer of a network, created by its {@link LayerType}.
 *
 * <p><b>Life cycle.</b> The network asks {@link #outputWidth(int)} for every layer first
 * (pure: it validates and allocates nothing), then {@link #build builds} each, in order, once:
 * the layer allocates its parameters and state through the {@link LayerContext}. Then
 * {@link #forward} and {@link #backward} work on batches, one sample per row.
 *
 * <p><b>Buffers.</b> The network owns the input, output and gradient matrices and passes them
 * in; outputs never alias inputs, and {@code forward} and {@code backward} overwrite every
 * element of their outputs. What a layer keeps between a training forward pass and its
 * backward pass (a dropout mask, normalized inputs) it keeps in its own buffers, one set per
 * batch size ({@link org.neurite.core.layer.BatchBuffers}), so that steady-state training
 * allocates nothing.
 *
 * <p><b>Modes and threads.</b> In an {@link Pass#inference() inference} pass a layer is a pure
 * function of its input and its parameters: it writes only {@code output}, so any number of
 * threads may run inference at once. A training pass may update the layer's own buffers and
 * state (moving statistics), and is run from one thread at a time, followed by at most one
 * {@code backward} for the same batch.
 *
 * <p><b>Activation.</b> A layer may end in an {@link #activation()}, which the network applies
 * to its output (and through which it back-propagates, or which it fuses with the loss); the
 * layer computes only what comes before it.
 */
public interface Layer {

    /** The layer's name, unique within its network, such as {@code dense_1}. */
    String name();

    /** The name of its {@link LayerType}, such as {@code dense}. */
    String type();

    /**
     * The width of this layer's output for inputs of width {@code inputWidth}: pure, allocates
     * nothing.
     *
     * @throws HyperparameterException naming the key, if the configuration does not fit that
     *                                 input (explicit weights of another shape, say)
     */
    int outputWidth(int inputWidth);

    /**
     * Allocates the parameters and state for inputs of width {@code inputWidth} through
     * {@code context}, which also gives the kernels to compute with. Called once.
     */
    void build(int inputWidth, LayerContext context);

    /**
     * Computes the output of a batch.
     *
     * @param input  n×inputWidth
     * @param output n×outputWidth, overwritten
     * @param pass   training or inference, and the step's random source in training
     */
    void forward(Matrix input, Matrix output, Pass pass);

    /**
     * Back-propagates through the last training {@link #forward} pass: writes (overwrites) the
     * gradient of every trainable parameter and, if {@code gradInput} is not {@code null},
     * dL/dinput.
     *
     * @param input      the input of that forward pass, unchanged
     * @param output     its output, unchanged
     * @param gradOutput dL/doutput, n×outputWidth
     * @param gradInput  dL/dinput, n×inputWidth, overwritten; {@code null} for the first layer
     */
    void backward(Matrix input, Matrix output, Matrix gradOutput, Matrix gradInput);

    /**
     * The activation the network applies to this layer's output, or {@code null} (linear).
     * Layers such as {@code dense} with {@code activation: relu} return it here rather than
     * applying it themselves, so that a loss can fuse with it.
     */
    default Activation activation() {
        return null;
    }

    /**
     * The penalty on this layer's output (after its {@link #activation()}), Keras's
     * {@code activity_regularizer}, or {@code null}. The network adds its penalty of each batch's
     * output, divided by the batch's rows, to the loss, and its gradient to the backward pass.
     */
    default Regularizer activityRegularizer() {
        return null;
    }

    /** The extra description in a network summary after the type, or empty. */
    default String describe() {
        Activation a = activation();
        return a == null ? "" : a.name();
    }
}
