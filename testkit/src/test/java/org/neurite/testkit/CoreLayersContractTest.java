package org.neurite.testkit;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.neurite.core.layer.ActivationLayerType;
import org.neurite.core.layer.DenseType;
import org.neurite.core.spi.Component;
import org.neurite.core.spi.LayerType;

/** Core's own layer types, {@code dense} and {@code activation}, pass the layer contract. */
class CoreLayersContractTest {

    @Nested
    class LinearDense extends LayerContract {
        @Override
        protected LayerType layerType() {
            return new DenseType();
        }

        @Override
        protected Map<String, Object> hyperparameters() {
            return Map.of("units", 3L);
        }
    }

    @Nested
    class DenseWithAnActivation extends LayerContract {
        @Override
        protected LayerType layerType() {
            return new DenseType();
        }

        @Override
        protected Map<String, Object> hyperparameters() {
            return Map.of("units", 5L, "use_bias", true);
        }

        @Override
        protected Map<String, Component> components() {
            return Map.of("activation", new ScaledTanh());
        }
    }

    @Nested
    class SoftmaxActivationLayer extends LayerContract {
        @Override
        protected LayerType layerType() {
            return new ActivationLayerType();
        }

        @Override
        protected Map<String, Component> components() {
            return Map.of("activation", new ReferenceSoftmax());
        }
    }
}
