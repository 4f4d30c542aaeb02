/**
 * The built-in optimizers — {@code sgd}, {@code adam}, {@code rmsprop}, {@code adagrad} — with
 * Keras's names, defaults and update rules, computed in float as TensorFlow's float32 kernels do.
 */
package org.neurite.optimizers;
