/**
 * The built-in training callbacks, with Keras's names and defaults: {@code early_stopping},
 * {@code model_checkpoint}, {@code csv_logger}, {@code reduce_lr_on_plateau} and
 * {@code terminate_on_nan}.
 */
package org.neurite.callbacks;
