/**
 * The built-in layer types beyond core's {@code dense} and {@code activation}, with Keras's
 * names, keys, defaults and semantics: {@code dropout}, {@code gaussian_noise},
 * {@code batch_normalization}, {@code layer_normalization}, and the activation layers
 * {@code relu}, {@code leaky_relu}, {@code elu}, {@code prelu} and {@code softmax}. Each is a
 * {@link org.neurite.core.spi.LayerType} found with {@link java.util.ServiceLoader}.
 */
package org.neurite.layers;
