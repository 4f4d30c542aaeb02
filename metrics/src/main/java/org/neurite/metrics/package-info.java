/**
 * The built-in metrics, with Keras's names, defaults and arithmetic: the accuracy family,
 * {@code precision}, {@code recall}, {@code auc}, {@code mean_squared_error} and
 * {@code mean_absolute_error}.
 */
package org.neurite.metrics;
