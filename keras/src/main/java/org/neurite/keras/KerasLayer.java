package org.neurite.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One layer as Keras describes it: its class, its {@code get_config()} and its variables in
 * Keras's order (as {@code get_weights()} returns them), each with its shape.
 *
 * @param className the Keras class name, such as {@code Dense}
 * @param name the layer's name in the file
 * @param config the layer's config object
 * @param weights the layer's variables in Keras's order
 */
public record KerasLayer(String className, String name, JsonNode config, List<Weight> weights) {
    /** The canonical constructor; copies the weights. */
    public KerasLayer {
        weights = List.copyOf(weights);
    }

    /**
     * One variable.
     *
     * @param shape its dimensions
     * @param values its values, row-major
     */
    public record Weight(int[] shape, float[] values) {
    }
}
