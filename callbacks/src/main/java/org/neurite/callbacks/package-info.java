/**
 * The built-in training callbacks, with Keras's names and defaults: {@code early_stopping},
 * {@code model_checkpoint} and {@code csv_logger}.
 */
package org.neurite.callbacks;
