/**
 * The built-in regularizers, with Keras 3's names and defaults: {@code l1}, {@code l2} and
 * {@code l1_l2}.
 */
package org.neurite.layers.regularizers;
