package org.neurite.core.spi;

/**
 * Marks an activation that computes the softmax of each row, whatever its name or where it
 * comes from (the {@code softmax} activation, the {@code softmax} layer type): losses such as
 * categorical cross-entropy fuse with it ({@link Loss#fusedWith}) by this identity, not by a
 * name.
 */
public interface SoftmaxActivation extends Activation {
}
