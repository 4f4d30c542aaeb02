package org.neurite.activations;

/** {@code silu}: {@code z·sigmoid(z)}, the same function as {@link Swish}. */
public final class Silu extends SigmoidWeightedLinear {
    /** The instance ServiceLoader creates. */
    public Silu() {
        super("silu");
    }
}
