/**
 * The built-in learning-rate schedules — {@code exponential_decay}, {@code inverse_time_decay},
 * {@code piecewise_constant_decay}, {@code polynomial_decay}, {@code cosine_decay} (with Keras 3's warm-up) and
 * {@code cosine_decay_restarts} — with Keras 3's names, defaults and formulas, in double.
 */
package org.neurite.optimizers.schedules;
