package org.neurite.onnx.spi;

import java.util.Objects;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.Hyperparameters;

/**
 * An activation a layer ends in, as an exporter sees it.
 *
 * @param activation      the activation itself
 * @param hyperparameters its hyperparameters, as configured (every declared key)
 * @param layer           the name of the layer it belongs to, for naming nodes
 * @param width           the width of its input and output
 * @param input           the name of the graph value holding its input, {@code N×width}
 */
public record ExportedActivation(Activation activation, Hyperparameters hyperparameters, String layer, int width,
                                 String input) {
    public ExportedActivation {
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(input, "input");
    }
}
