package org.neurite.core.spi;

/**
 * Marks an activation that computes the logistic sigmoid {@code 1 / (1 + e^{−z})} of each
 * element: binary cross-entropy fuses with it ({@link Loss#fusedWith}) by this identity, not by
 * a name.
 */
public interface SigmoidActivation extends Activation {
}
