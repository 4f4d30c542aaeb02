package org.neurite.layers;

import java.util.List;
import java.util.random.RandomGenerator;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Layer;
import org.neurite.core.spi.LayerArguments;
import org.neurite.core.spi.LayerContext;
import org.neurite.core.spi.LayerType;
import org.neurite.core.spi.Pass;
import org.neurite.core.tensor.Matrix;

/**
 * The {@code gaussian_noise} layer type, Keras's {@code GaussianNoise(stddev)}: in training it
 * adds independent normal noise of mean 0 and standard deviation {@code stddev} (required,
 * ≥ 0) to each element, drawn from the pass's random source in row order; in inference it is
 * the identity. The gradient passes through unchanged.
 */
public final class GaussianNoiseType implements LayerType {
    /** The registry name. */
    public static final String NAME = "gaussian_noise";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(Hyperparameter.number("stddev", 0.0).atLeast(0).required());
    }

    @Override
    public Layer create(LayerArguments a) {
        double stddev = a.hyperparameters().number("stddev");
        String name = a.name();
        return new Layer() {
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
                // No parameters.
            }

            @Override
            public String describe() {
                return "stddev " + stddev;
            }

            @Override
            public void forward(Matrix input, Matrix output, Pass pass) {
                if (!pass.training() || stddev == 0) {
                    output.copyFrom(input);
                    return;
                }
                float[] x = input.data();
                float[] y = output.data();
                RandomGenerator random = pass.random();
                for (int i = 0; i < x.length; i++) {
                    y[i] = (float) (x[i] + stddev * random.nextGaussian());
                }
            }

            @Override
            public void backward(Matrix input, Matrix output, Matrix gradOutput, Matrix gradInput) {
                if (gradInput != null) {
                    gradInput.copyFrom(gradOutput);
                }
            }

            @Override
            public String toString() {
                return name + " (gaussian_noise, stddev " + stddev + ")";
            }
        };
    }
}
