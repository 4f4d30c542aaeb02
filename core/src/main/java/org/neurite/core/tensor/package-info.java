/**
 * The float matrix type, trainable parameters and the matrix kernels every computation goes
 * through.
 */
package org.neurite.core.tensor;
