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
 * The {@code batch_normalization} layer type, Keras's {@code BatchNormalization} over the
 * feature axis, with its keys and defaults: {@code momentum} 0.99, {@code epsilon} 1e-3,
 * {@code center} and {@code scale} true, {@code beta_initializer} {@code zeros},
 * {@code gamma_initializer} {@code ones}, {@code moving_mean_initializer} {@code zeros},
 * {@code moving_variance_initializer} {@code ones}, optional {@code beta_regularizer} and
 * {@code gamma_regularizer}, and explicit arrays {@code gamma},
 * {@code beta}, {@code moving_mean}, {@code moving_variance} (1×width each).
 *
 * <p>In training, each feature is normalized with the batch's mean and biased variance,
 * {@code y = (x − mean)/sqrt(var + ε)·γ + β}, and the moving statistics are updated,
 * {@code moving = moving·momentum + batch·(1 − momentum)}. In inference the moving statistics
 * are used and nothing is written. The arrays come in Keras's weight order: {@code gamma} and
 * {@code beta} (trainable, those that exist), then {@code moving_mean} and
 * {@code moving_variance} (state).
 */
public final class BatchNormalizationType implements LayerType {
    /** The registry name. */
    public static final String NAME = "batch_normalization";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(Hyperparameter.number("momentum", 0.99).between(0, 1),
                Hyperparameter.number("epsilon", 1e-3).greaterThan(0),
                Hyperparameter.bool("center", true),
                Hyperparameter.bool("scale", true));
    }

    @Override
    public List<ComponentSlot> components() {
        return List.of(ComponentSlot.withDefault("beta_initializer", Initializer.class, "zeros"),
                ComponentSlot.withDefault("gamma_initializer", Initializer.class, "ones"),
                ComponentSlot.withDefault("moving_mean_initializer", Initializer.class, "zeros"),
                ComponentSlot.withDefault("moving_variance_initializer", Initializer.class, "ones"),
                ComponentSlot.optional("beta_regularizer", Regularizer.class),
                ComponentSlot.optional("gamma_regularizer", Regularizer.class));
    }

    @Override
    public List<ArraySlot> arrays() {
        return List.of(new ArraySlot("gamma", "1×inputs"), new ArraySlot("beta", "1×inputs"),
                new ArraySlot("moving_mean", "1×inputs"), new ArraySlot("moving_variance", "1×inputs"));
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
        Matrix variance = a.array("moving_variance");
        if (variance != null) {
            for (float v : variance.data()) {
                if (!(v >= 0)) {
                    throw new org.neurite.core.spi.HyperparameterException("moving_variance", a.name()
                            + ": the explicit moving_variance holds " + v + "; variances are ≥ 0");
                }
            }
        }
        return new BatchNormalization(a, h);
    }

    private static final class BatchNormalization implements Layer {
        private final LayerArguments arguments;
        private final String name;
        private final double momentum;
        private final double epsilon;
        private final boolean center;
        private final boolean scale;
        private Parameter gamma;
        private Parameter beta;
        private Matrix movingMean;
        private Matrix movingVariance;
        private BatchBuffers<Normalized> buffers;

        BatchNormalization(LayerArguments arguments, Hyperparameters h) {
            this.arguments = arguments;
            this.name = arguments.name();
            this.momentum = h.number("momentum");
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
            for (String key : List.of("gamma", "beta", "moving_mean", "moving_variance")) {
                RowArrays.requireRow(name, key, arguments.array(key), inputWidth);
            }
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
            movingMean = context.addState("moving_mean", 1, inputWidth,
                    arguments.component("moving_mean_initializer", Initializer.class), arguments.array("moving_mean"));
            movingVariance = context.addState("moving_variance", 1, inputWidth,
                    arguments.component("moving_variance_initializer", Initializer.class),
                    arguments.array("moving_variance"));
            buffers = new BatchBuffers<>(n -> new Normalized(n, inputWidth));
        }

        @Override
        public void forward(Matrix input, Matrix output, Pass pass) {
            int n = input.rows();
            int k = input.cols();
            float[] x = input.data();
            float[] y = output.data();
            float[] g = scale ? gamma.value().data() : null;
            float[] b = center ? beta.value().data() : null;
            if (!pass.training()) {
                float[] mean = movingMean.data();
                float[] variance = movingVariance.data();
                for (int c = 0; c < k; c++) {
                    double inv = 1 / Math.sqrt(variance[c] + epsilon);
                    double gc = scale ? g[c] : 1;
                    double bc = center ? b[c] : 0;
                    for (int i = c; i < x.length; i += k) {
                        y[i] = (float) (((double) x[i] - mean[c]) * inv * gc + bc);
                    }
                }
                return;
            }
            Normalized s = buffers.get(n);
            float[] mm = movingMean.data();
            float[] mv = movingVariance.data();
            for (int c = 0; c < k; c++) {
                double sum = 0;
                for (int i = c; i < x.length; i += k) {
                    sum += x[i];
                }
                double mean = sum / n;
                double squares = 0;
                for (int i = c; i < x.length; i += k) {
                    double d = x[i] - mean;
                    squares += d * d;
                }
                double variance = squares / n;
                double inv = 1 / Math.sqrt(variance + epsilon);
                s.invStd[c] = inv;
                double gc = scale ? g[c] : 1;
                double bc = center ? b[c] : 0;
                for (int i = c; i < x.length; i += k) {
                    double normalized = (x[i] - mean) * inv;
                    s.xhat[i] = normalized;
                    y[i] = (float) (normalized * gc + bc);
                }
                mm[c] = (float) (mm[c] * momentum + mean * (1 - momentum));
                mv[c] = (float) (mv[c] * momentum + variance * (1 - momentum));
            }
        }

        @Override
        public void backward(Matrix input, Matrix output, Matrix gradOutput, Matrix gradInput) {
            int n = input.rows();
            int k = input.cols();
            Normalized s = buffers.get(n);
            float[] go = gradOutput.data();
            float[] g = scale ? gamma.value().data() : null;
            float[] gg = scale ? gamma.gradient().data() : null;
            float[] gb = center ? beta.gradient().data() : null;
            float[] gx = gradInput == null ? null : gradInput.data();
            for (int c = 0; c < k; c++) {
                double sumG = 0;
                double sumGx = 0;
                for (int i = c; i < go.length; i += k) {
                    sumG += go[i];
                    sumGx += go[i] * s.xhat[i];
                }
                if (scale) {
                    gg[c] = (float) sumGx;
                }
                if (center) {
                    gb[c] = (float) sumG;
                }
                if (gx != null) {
                    double gc = scale ? g[c] : 1;
                    double factor = gc * s.invStd[c] / n;
                    for (int i = c; i < go.length; i += k) {
                        gx[i] = (float) (factor * (n * go[i] - sumG - s.xhat[i] * sumGx));
                    }
                }
            }
        }

        @Override
        public String toString() {
            return name + " (batch_normalization)";
        }
    }

    /** What a training pass keeps for its backward pass: normalized inputs and 1/σ per feature. */
    private static final class Normalized {
        final double[] xhat;
        final double[] invStd;

        Normalized(int n, int k) {
            xhat = new double[n * k];
            invStd = new double[k];
        }
    }
}
