package org.neurite.layers;

import java.util.List;
import java.util.random.RandomGenerator;
import org.neurite.core.layer.BatchBuffers;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Layer;
import org.neurite.core.spi.LayerArguments;
import org.neurite.core.spi.LayerContext;
import org.neurite.core.spi.LayerType;
import org.neurite.core.spi.Pass;
import org.neurite.core.tensor.Matrix;

/**
 * The {@code dropout} layer type, Keras's {@code Dropout(rate)}: in training each element is
 * kept with probability {@code 1 − rate} and scaled by {@code 1/(1 − rate)} (inverted
 * dropout), else set to 0; in inference the layer is the identity. {@code rate} is required, as
 * in Keras, and lies in [0, 1). The mask is drawn from the pass's random source
 * ({@link Pass#random()}), one uniform number per element in row order, an element being kept
 * when its number is at least {@code rate} (TensorFlow's rule), so a seeded run is
 * bit-identical.
 */
public final class DropoutType implements LayerType {
    /** The registry name. */
    public static final String NAME = "dropout";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(Hyperparameter.number("rate", 0.0).atLeast(0).lessThan(1).required());
    }

    @Override
    public Layer create(LayerArguments a) {
        return new Dropout(a.name(), a.hyperparameters().number("rate"));
    }

    private static final class Dropout implements Layer {
        private final String name;
        private final double rate;
        private final float scale;
        /** The last training pass's mask per batch size: 0 or 1/(1 − rate) per element. */
        private BatchBuffers<float[]> masks;

        Dropout(String name, double rate) {
            this.name = name;
            this.rate = rate;
            this.scale = (float) (1 / (1 - rate));
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String type() {
            return NAME;
        }

        @Override
        public int outputWidth(int inputWidth) {
            return inputWidth;
        }

        @Override
        public void build(int inputWidth, LayerContext context) {
            masks = new BatchBuffers<>(n -> new float[n * inputWidth]);
        }

        @Override
        public String describe() {
            return "rate " + rate;
        }

        @Override
        public void forward(Matrix input, Matrix output, Pass pass) {
            if (!pass.training() || rate == 0) {
                output.copyFrom(input);
                return;
            }
            float[] mask = masks.get(input.rows());
            float[] x = input.data();
            float[] y = output.data();
            RandomGenerator random = pass.random();
            for (int i = 0; i < x.length; i++) {
                mask[i] = random.nextDouble() >= rate ? scale : 0f;
                y[i] = x[i] * mask[i];
            }
        }

        @Override
        public void backward(Matrix input, Matrix output, Matrix gradOutput, Matrix gradInput) {
            if (gradInput == null) {
                return;
            }
            if (rate == 0) {
                gradInput.copyFrom(gradOutput);
                return;
            }
            float[] mask = masks.get(input.rows());
            float[] g = gradOutput.data();
            float[] gx = gradInput.data();
            for (int i = 0; i < g.length; i++) {
                gx[i] = g[i] * mask[i];
            }
        }

        @Override
        public String toString() {
            return name + " (dropout, rate " + rate + ")";
        }
    }
}
