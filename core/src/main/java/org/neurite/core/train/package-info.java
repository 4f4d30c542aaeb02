/**
 * Training: {@link org.neurite.core.train.Trainer} (Keras's fit and evaluate), data sets,
 * metrics, history, listeners, early stopping and the divergence guard.
 */
package org.neurite.core.train;
