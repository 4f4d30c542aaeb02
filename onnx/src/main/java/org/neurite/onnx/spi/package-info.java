/**
 * The export SPI: how a layer type or activation plugin writes itself as ONNX nodes
 * ({@link org.neurite.onnx.spi.LayerExporter}, {@link org.neurite.onnx.spi.ActivationExporter}),
 * found with {@link java.util.ServiceLoader} like every other plugin.
 */
package org.neurite.onnx.spi;
