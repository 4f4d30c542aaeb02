/**
 * The built-in initializers (Keras names and defaults): {@code glorot_uniform} for kernels and
 * {@code zeros} for biases by default, and the other usual ones.
 */
package org.neurite.core.init;
