/**
 * Data sets from files: IDX (MNIST / Fashion-MNIST, plain or gzip) and CSV readers, one-hot
 * labels, scaling and standardising, seeded train/validation splits, and the loader that turns
 * a configuration's {@code data} section into training and test data sets.
 */
package org.neurite.core.data;
