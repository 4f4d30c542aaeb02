/**
 * The built-in activation functions — relu, softmax, sigmoid, tanh, linear, leaky_relu, elu,
 * softplus, swish, silu and gelu — each a {@link org.neurite.core.spi.Activation} provider
 * found with {@link java.util.ServiceLoader}, with Keras's semantics and defaults.
 */
package org.neurite.activations;
