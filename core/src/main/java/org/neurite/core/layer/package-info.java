/**
 * The two layer types the engine itself is built and tested with, {@code dense} and
 * {@code activation}, and {@link org.neurite.core.layer.BatchBuffers} for layer authors. The
 * other built-in layer types live in {@code neurite-layers}.
 */
package org.neurite.core.layer;
