package org.neurite.onnx.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Layer;
import org.neurite.core.tensor.Matrix;

/**
 * A built layer as an exporter sees it.
 *
 * @param layer           the layer itself
 * @param hyperparameters its validated hyperparameters, as configured
 * @param arrays          the arrays it holds by key ({@code kernel}, {@code moving_mean}, ...), as the
 *                        network holds them now (trained values, not the initial ones)
 * @param inputWidth      the width of its input
 * @param outputWidth     the width of its output
 * @param input           the name of the graph value holding its input, {@code N×inputWidth}
 */
public record ExportedLayer(Layer layer, Hyperparameters hyperparameters, Map<String, Matrix> arrays,
                            int inputWidth, int outputWidth, String input) {
    public ExportedLayer {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        arrays = Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
        Objects.requireNonNull(input, "input");
    }

    /** The layer's name, such as {@code dense_1}. */
    public String name() {
        return layer.name();
    }

    /** The array {@code key}, or {@code null} if the layer holds none by that key. */
    public Matrix array(String key) {
        return arrays.get(key);
    }
}
