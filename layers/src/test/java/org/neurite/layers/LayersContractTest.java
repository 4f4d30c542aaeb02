package org.neurite.layers;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.neurite.core.spi.LayerType;
import org.neurite.testkit.LayerContract;

/** Every built-in layer type passes the layer contract, with its defaults and with other settings. */
class LayersContractTest {

    @Nested
    class Dropout extends LayerContract {
        @Override
        protected LayerType layerType() {
            return new DropoutType();
        }

        @Override
        protected Map<String, Object> hyperparameters() {
            return Map.of("rate", 0.3);
        }
    }

    @Nested
    class GaussianNoise extends LayerContract {
        @Override
        protected LayerType layerType() {
            return new GaussianNoiseType();
        }

        @Override
        protected Map<String, Object> hyperparameters() {
            return Map.of("stddev", 0.5);
        }
    }

    @Nested
    class BatchNormalization extends LayerContract {
        @Override
        protected LayerType layerType() {
            return new BatchNormalizationType();
        }
    }

    @Nested
    class BatchNormalizationWithoutCenterAndFastMomentum extends LayerContract {
        @Override
        protected LayerType layerType() {
            return new BatchNormalizationType();
        }

        @Override
        protected Map<String, Object> hyperparameters() {
            return Map.of("center", false, "momentum", 0.5, "epsilon", 0.01);
        }
    }

    @Nested
    class LayerNormalization extends LayerContract {
        @Override
        protected LayerType layerType() {
            return new LayerNormalizationType();
        }
    }

    @Nested
    class LayerNormalizationWithoutScale extends LayerContract {
        @Override
        protected LayerType layerType() {
            return new LayerNormalizationType();
        }

        @Override
        protected Map<String, Object> hyperparameters() {
            return Map.of("scale", false);
        }
    }

    @Nested
    class Relu extends LayerContract {
        @Override
        protected LayerType layerType() {
            return new ReluType();
        }

        @Override
        protected boolean isDifferentiableAt(double x) {
            return x != 0;
        }
    }

    @Nested
    class ReluWithEveryOption extends LayerContract {
        @Override
        protected LayerType layerType() {
            return new ReluType();
        }

        @Override
        protected Map<String, Object> hyperparameters() {
            return Map.of("max_value", 2.0, "negative_slope", 0.25, "threshold", 0.5);
        }

        @Override
        protected boolean isDifferentiableAt(double x) {
            return x != 0.5 && x != 2.0;
        }
    }

    @Nested
    class LeakyRelu extends LayerContract {
        @Override
        protected LayerType layerType() {
            return new LeakyReluType();
        }

        @Override
        protected boolean isDifferentiableAt(double x) {
            return x != 0;
        }
    }

    @Nested
    class Elu extends LayerContract {
        @Override
        protected LayerType layerType() {
            return new EluType();
        }

        @Override
        protected Map<String, Object> hyperparameters() {
            return Map.of("alpha", 0.7);
        }

        @Override
        protected boolean isDifferentiableAt(double x) {
            return x != 0;
        }
    }

    @Nested
    class Prelu extends LayerContract {
        @Override
        protected LayerType layerType() {
            return new PreluType();
        }

        @Override
        protected boolean isDifferentiableAt(double x) {
            return x != 0;
        }
    }

    @Nested
    class Softmax extends LayerContract {
        @Override
        protected LayerType layerType() {
            return new SoftmaxType();
        }
    }
}
