package org.neurite.layers;

import java.util.List;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Layer;
import org.neurite.core.spi.LayerArguments;
import org.neurite.core.spi.LayerType;

/**
 * The {@code relu} layer type, Keras's {@code ReLU} layer: {@code max_value} (absent:
 * unbounded; ≥ 0), {@code negative_slope} (0; ≥ 0) and {@code threshold} (0; ≥ 0), computed as
 * Keras computes it:
 * {@code f(x) = clip(x > threshold ? x : 0, 0, max_value) − negative_slope·max(threshold − x, 0)},
 * that is {@code max_value} above it, {@code x} from {@code threshold} to {@code max_value}, and
 * {@code negative_slope·(x − threshold)} below {@code threshold}. The derivative is 0 at
 * {@code x = threshold} (TensorFlow's convention at the kink).
 */
public final class ReluType implements LayerType {
    /** The registry name. */
    public static final String NAME = "relu";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(Hyperparameter.number("max_value", 0.0).atLeast(0).optional(),
                Hyperparameter.number("negative_slope", 0.0).atLeast(0),
                Hyperparameter.number("threshold", 0.0).atLeast(0));
    }

    @Override
    public Layer create(LayerArguments a) {
        Hyperparameters h = a.hyperparameters();
        float max = h.has("max_value") ? (float) h.number("max_value") : Float.POSITIVE_INFINITY;
        float slope = (float) h.number("negative_slope");
        float threshold = (float) h.number("threshold");
        return new ElementwiseLayer(a.name(), NAME) {
            @Override
            float value(float x) {
                float positive = Math.min(x > threshold ? Math.max(x, 0f) : 0f, max);
                return slope == 0 ? positive : positive - slope * Math.max(threshold - x, 0f);
            }

            @Override
            float derivative(float x) {
                if (x > threshold) {
                    return x > max || x < 0 ? 0f : 1f;
                }
                return x < threshold ? slope : 0f;
            }
        };
    }
}
