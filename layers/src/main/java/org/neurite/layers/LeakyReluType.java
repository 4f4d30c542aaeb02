package org.neurite.layers;

import java.util.List;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Layer;
import org.neurite.core.spi.LayerArguments;
import org.neurite.core.spi.LayerType;

/**
 * The {@code leaky_relu} layer type, Keras 3's {@code LeakyReLU} layer:
 * {@code f(x) = x} for {@code x > 0}, {@code negative_slope·x} otherwise, with
 * {@code negative_slope} 0.3 (≥ 0) by default (the layer's default; Keras's
 * {@code leaky_relu} function defaults to 0.2).
 */
public final class LeakyReluType implements LayerType {
    /** The registry name. */
    public static final String NAME = "leaky_relu";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(Hyperparameter.number("negative_slope", 0.3).atLeast(0));
    }

    @Override
    public Layer create(LayerArguments a) {
        float slope = (float) a.hyperparameters().number("negative_slope");
        return new ElementwiseLayer(a.name(), NAME) {
            @Override
            float value(float x) {
                return x > 0 ? x : slope * x;
            }

            @Override
            float derivative(float x) {
                return x > 0 ? 1f : slope;
            }
        };
    }
}
