/**
 * Data sets from files: the built-in {@code idx} (MNIST-style, plain or gzip) and {@code csv}
 * data formats and their readers ({@code npy} and {@code npz} are in {@code io}, beside the
 * {@code .npy} parser), one-hot labels, scaling and standardising, seeded test splits and
 * Keras's validation splits, and the loader that turns a configuration's {@code data} section
 * into training, validation and test data sets.
 */
package org.neurite.core.data;
