/**
 * The built-in optimizers — {@code sgd}, {@code adam}, {@code adamw}, {@code nadam},
 * {@code adamax}, {@code rmsprop}, {@code adagrad} — as update rules with Keras's names,
 * defaults and arithmetic, computed in float as Keras's float32 kernels do; core applies the
 * learning rate, clipping and weight decay around them.
 */
package org.neurite.optimizers;
