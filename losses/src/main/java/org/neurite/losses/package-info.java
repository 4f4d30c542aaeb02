/**
 * The built-in losses — categorical, sparse categorical and binary cross-entropy, mean squared
 * and mean absolute error — with Keras's numerics, and the fused forms that cross-entropy takes
 * over the logits of a softmax or sigmoid output.
 */
package org.neurite.losses;
