/**
 * The service interfaces plugins implement — {@link org.neurite.core.spi.Activation},
 * {@link org.neurite.core.spi.Loss}, {@link org.neurite.core.spi.Optimizer},
 * {@link org.neurite.core.spi.Initializer} — and the hyperparameter declarations they share.
 */
package org.neurite.core.spi;
