package org.neurite.core.tensor;

/**
 * A trainable tensor and the gradient of the loss with respect to it.
 *
 * <p>Layers own their parameters and write {@link #gradient()} during the backward pass;
 * optimizers read the gradient and update {@link #value()} in place.
 */
public final class Parameter {
    private final String name;
    private final Matrix value;
    private final Matrix gradient;

    /** A parameter named {@code name} (such as {@code dense_1/kernel}) holding {@code value}. */
    public Parameter(String name, Matrix value) {
        this.name = name;
        this.value = value;
        this.gradient = new Matrix(value.rows(), value.cols());
    }

    /** Stable name, unique within a network: {@code <layer>/<kernel|bias>}. */
    public String name() {
        return name;
    }

    /** The current value, updated in place by optimizers. */
    public Matrix value() {
        return value;
    }

    /** dL/dvalue for the latest batch, same shape as {@link #value()}. */
    public Matrix gradient() {
        return gradient;
    }

    @Override
    public String toString() {
        return name + " " + value.shape();
    }
}
