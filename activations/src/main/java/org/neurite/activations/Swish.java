package org.neurite.activations;

/** {@code swish}: {@code z·sigmoid(z)}, the same function as {@link Silu}. */
public final class Swish extends SigmoidWeightedLinear {
    /** The instance ServiceLoader creates. */
    public Swish() {
        super("swish");
    }
}
