/**
 * The built-in ONNX exporters: core's {@code dense} and {@code activation} layer types, the
 * layer types of neurite-layers and the activations of neurite-activations. They are ordinary
 * providers of the export SPI, found like a plugin's.
 */
package org.neurite.onnx.exporters;
