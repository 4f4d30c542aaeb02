package org.neurite.core.spi;

import org.neurite.core.tensor.Kernels;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/**
 * What a network gives a layer while {@link Layer#build building} it: the only way a layer
 * allocates its parameters and state, so that the network knows every array it holds (for
 * optimizers, model files, summaries and size limits) before allocating it.
 *
 * <p>Arrays are initialized as Keras does: fan-in and fan-out are the rows and columns of a
 * matrix, and both are the length of a 1×n row.
 */
public interface LayerContext {

    /**
     * A trainable parameter named {@code <layer>/<key>}, {@code rows×cols}, set to
     * {@code explicit} if given, drawn from {@code initializer} otherwise.
     *
     * @throws IllegalArgumentException if {@code explicit} has another shape
     * @throws IllegalStateException    if the network would exceed its size limit
     */
    default Parameter addWeight(String key, int rows, int cols, Initializer initializer, Matrix explicit) {
        return addWeight(key, rows, cols, initializer, explicit, null);
    }

    /**
     * {@link #addWeight(String, int, int, Initializer, Matrix)} with a penalty on its values
     * (Keras's {@code kernel_regularizer}, {@code bias_regularizer}): training adds
     * {@code regularizer}'s penalty to the loss and its gradient to the parameter's.
     *
     * @param regularizer the penalty, or {@code null} for none
     */
    Parameter addWeight(String key, int rows, int cols, Initializer initializer, Matrix explicit,
                        Regularizer regularizer);

    /**
     * Non-trainable state named {@code <layer>/<key>} (such as moving statistics): saved and
     * restored by model files, counted as non-trainable parameters, never touched by
     * optimizers. Set like {@link #addWeight}.
     */
    Matrix addState(String key, int rows, int cols, Initializer initializer, Matrix explicit);

    /** The kernels the network computes with. */
    Kernels kernels();
}
