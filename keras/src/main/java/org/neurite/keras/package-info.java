/**
 * Keras import: reads Keras 3 {@code .keras} files, legacy Keras 2 / tf.keras {@code .h5} full
 * models and weights-only {@code .h5} files with their architecture JSON, and maps them to a
 * Neurite configuration with the file's weights as explicit arrays.
 */
package org.neurite.keras;
