package org.neurite.layers;

import java.util.List;
import org.neurite.core.layer.BatchBuffers;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Initializer;
import org.neurite.core.spi.Layer;
import org.neurite.core.spi.LayerArguments;
import org.neurite.core.spi.LayerContext;
import org.neurite.core.spi.LayerType;
import org.neurite.core.spi.Pass;
import org.neurite.core.spi.Regularizer;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/**
 * The {@code layer_normalization} layer type, Keras's {@code LayerNormalization} over the last
 * axis: each sample (row) is normalized with its own mean and biased variance,
 * {@code y = (x − mean)/sqrt(var + ε)·γ + β}, the same in training and inference. Keys and
 * defaults: {@code epsilon} 1e-3, {@code center} and {@code scale} true,
 * {@code beta_initializer} {@code zeros}, {@code gamma_initializer} {@code ones}, optional
 * {@code beta_regularizer} and {@code gamma_regularizer}; explicit
 * arrays {@code gamma} and {@code beta} (1×width). Weight order: {@code gamma}, {@code beta}.
 */
public final class LayerNormalizationType implements LayerType {
    /** The registry name. */
    public static final String NAME = "layer_normalization";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(Hyperparameter.number("epsilon", 1e-3).greaterThan(0),
                Hyperparameter.bool("center", true),
                Hyperparameter.bool("scale", true));
    }

    @Override
    public List<ComponentSlot> components() {
        return List.of(ComponentSlot.withDefault("beta_initializer", Initializer.class, "zeros"),
                ComponentSlot.withDefault("gamma_initializer", Initializer.class, "ones"),
                ComponentSlot.optional("beta_regularizer", Regularizer.class),
                ComponentSlot.optional("gamma_regularizer", Regularizer.class));
    }

    @Override
    public List<ArraySlot> arrays() {
        return List.of(new ArraySlot("gamma", "1×inputs"), new ArraySlot("beta", "1×inputs"));
    }

    @Override
    public Layer create(LayerArguments a) {
        Hyperparameters h = a.hyperparameters();
        if (!h.bool("scale")) {
            RowArrays.requireAbsent(a.name(), "gamma", a.array("gamma"), "scale");
        }
        if (!h.bool("center")) {
            RowArrays.requireAbsent(a.name(), "beta", a.array("beta"), "center");
        }
        return new LayerNormalization(a, h);
    }

    private static final class LayerNormalization implements Layer {
        private final LayerArguments arguments;
        private final String name;
        private final double epsilon;
        private final boolean center;
        private final boolean scale;
        private Parameter gamma;
        private Parameter beta;
        private BatchBuffers<Normalized> buffers;

        LayerNormalization(LayerArguments arguments, Hyperparameters h) {
            this.arguments = arguments;
            this.name = arguments.name();
            this.epsilon = h.number("epsilon");
            this.center = h.bool("center");
            this.scale = h.bool("scale");
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
            RowArrays.requireRow(name, "gamma", arguments.array("gamma"), inputWidth);
            RowArrays.requireRow(name, "beta", arguments.array("beta"), inputWidth);
            return inputWidth;
        }

        @Override
        public void build(int inputWidth, LayerContext context) {
            outputWidth(inputWidth);
            if (scale) {
                gamma = context.addWeight("gamma", 1, inputWidth,
                        arguments.component("gamma_initializer", Initializer.class), arguments.array("gamma"),
                        arguments.component("gamma_regularizer", Regularizer.class));
            }
            if (center) {
                beta = context.addWeight("beta", 1, inputWidth,
                        arguments.component("beta_initializer", Initializer.class), arguments.array("beta"),
                        arguments.component("beta_regularizer", Regularizer.class));
            }
            buffers = new BatchBuffers<>(n -> new Normalized(n, inputWidth));
        }

        @Override
        public void forward(Matrix input, Matrix output, Pass pass) {
            int k = input.cols();
            float[] x = input.data();
            float[] y = output.data();
            float[] g = scale ? gamma.value().data() : null;
            float[] b = center ? beta.value().data() : null;
            Normalized s = pass.training() ? buffers.get(input.rows()) : null;
            for (int r = 0, o = 0; o < x.length; r++, o += k) {
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    sum += x[o + c];
                }
                double mean = sum / k;
                double squares = 0;
                for (int c = 0; c < k; c++) {
                    double d = x[o + c] - mean;
                    squares += d * d;
                }
                double inv = 1 / Math.sqrt(squares / k + epsilon);
                if (s != null) {
                    s.invStd[r] = inv;
                }
                for (int c = 0; c < k; c++) {
                    double normalized = (x[o + c] - mean) * inv;
                    if (s != null) {
                        s.xhat[o + c] = normalized;
                    }
                    y[o + c] = (float) (normalized * (scale ? g[c] : 1) + (center ? b[c] : 0));
                }
            }
        }

        @Override
        public void backward(Matrix input, Matrix output, Matrix gradOutput, Matrix gradInput) {
            int k = input.cols();
            Normalized s = buffers.get(input.rows());
            float[] go = gradOutput.data();
            float[] g = scale ? gamma.value().data() : null;
            if (scale) {
                float[] gg = gamma.gradient().data();
                for (int c = 0; c < k; c++) {
                    double sum = 0;
                    for (int i = c; i < go.length; i += k) {
                        sum += go[i] * s.xhat[i];
                    }
                    gg[c] = (float) sum;
                }
            }
            if (center) {
                float[] gb = beta.gradient().data();
                for (int c = 0; c < k; c++) {
                    double sum = 0;
                    for (int i = c; i < go.length; i += k) {
                        sum += go[i];
                    }
                    gb[c] = (float) sum;
                }
            }
            if (gradInput == null) {
                return;
            }
            float[] gx = gradInput.data();
            for (int r = 0, o = 0; o < go.length; r++, o += k) {
                double sumD = 0;
                double sumDx = 0;
                for (int c = 0; c < k; c++) {
                    double d = go[o + c] * (scale ? g[c] : 1);
                    sumD += d;
                    sumDx += d * s.xhat[o + c];
                }
                double factor = s.invStd[r] / k;
                for (int c = 0; c < k; c++) {
                    double d = go[o + c] * (scale ? g[c] : 1);
                    gx[o + c] = (float) (factor * (k * d - sumD - s.xhat[o + c] * sumDx));
                }
            }
        }

        @Override
        public String toString() {
            return name + " (layer_normalization)";
        }
    }

    /** What a training pass keeps for its backward pass: normalized inputs and 1/σ per row. */
    private static final class Normalized {
        final double[] xhat;
        final double[] invStd;

        Normalized(int n, int k) {
            xhat = new double[n * k];
            invStd = new double[n];
        }
    }
}
