package org.neurite.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a Keras file holds, before mapping: the Keras version that wrote it, the input width,
 * the layers of the chain in order, and the compile configuration (or {@code null}).
 *
 * @param kerasVersion the version in the file, such as {@code 2.3.1} or {@code 3.4.1}, or "" if absent
 * @param inputWidth the width of one input sample
 * @param layers the layers in order, input layers left out
 * @param compileConfig Keras's training or compile configuration, or {@code null}
 */
public record KerasModel(String kerasVersion, int inputWidth, List<KerasLayer> layers, JsonNode compileConfig) {
    /** The canonical constructor; copies the layers. */
    public KerasModel {
        layers = List.copyOf(layers);
    }

    /** Whether the file was written by Keras 3 or later (whose defaults differ from Keras 2's). */
    public boolean isKeras3() {
        return !kerasVersion.isEmpty() && Character.isDigit(kerasVersion.charAt(0))
                && Integer.parseInt(kerasVersion.split("\\.")[0]) >= 3;
    }
}
