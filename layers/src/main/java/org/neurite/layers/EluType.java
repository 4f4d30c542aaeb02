package org.neurite.layers;

import java.util.List;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Layer;
import org.neurite.core.spi.LayerArguments;
import org.neurite.core.spi.LayerType;

/**
 * The {@code elu} layer type, Keras's {@code ELU} layer: {@code f(x) = x} for {@code x > 0},
 * {@code alpha·(eˣ − 1)} otherwise, with {@code alpha} 1.0; computed in double precision
 * ({@code expm1}), derivative {@code alpha·eˣ} below 0.
 */
public final class EluType implements LayerType {
    /** The registry name. */
    public static final String NAME = "elu";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(Hyperparameter.number("alpha", 1.0));
    }

    @Override
    public Layer create(LayerArguments a) {
        double alpha = a.hyperparameters().number("alpha");
        return new ElementwiseLayer(a.name(), NAME) {
            @Override
            float value(float x) {
                return x > 0 ? x : (float) (alpha * Math.expm1(x));
            }

            @Override
            float derivative(float x) {
                return x > 0 ? 1f : (float) (alpha * Math.exp(x));
            }
        };
    }
}
