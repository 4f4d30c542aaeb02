/**
 * The built-in activation functions — relu, softmax, sigmoid, tanh, linear, leaky_relu, elu,
 * softplus, swish, silu, gelu, selu, hard_sigmoid, softsign,
 * exponential, relu6, mish and log_softmax — each a {@link org.neurite.core.spi.Activation} provider
 * found with {@link java.util.ServiceLoader}, with Keras's semantics and defaults.
 */
package org.neurite.activations;
