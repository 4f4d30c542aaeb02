package org.neurite.testkit;

import java.util.List;
import org.neurite.core.init.Ones;
import org.neurite.core.init.Zeros;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Layer;
import org.neurite.core.spi.LayerArguments;
import org.neurite.core.spi.LayerContext;
import org.neurite.core.spi.LayerType;
import org.neurite.core.spi.Pass;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/**
 * A test layer type with a trainable parameter, a moving statistic and randomness, so that
 * every check of {@link LayerContract} has something to catch: {@code centered_scale} computes
 * {@code y = (x − m)·w + 0.01·u} per feature, where in training {@code m} is the batch mean
 * (and the moving mean {@code μ ← 0.9·μ + 0.1·m}) and {@code u} uniform noise from the pass,
 * and in inference {@code m = μ} and no noise. Each {@link Bug} breaks one rule.
 */
class CenteredScaleType implements LayerType {
    /** One way to break the layer. */
    enum Bug {
        NONE, WRONG_INPUT_GRADIENT, WRONG_PARAMETER_GRADIENT, INFERENCE_WRITES_STATE, HIDDEN_STATE,
        OWN_RANDOM, BATCH_DEPENDENT_INFERENCE, INFERENCE_CLOBBERS_TRAINING_BUFFER, SKIPS_LAST_ELEMENT,
        MODIFIES_INPUT, ALLOCATES, CAMEL_CASE_NAME, NON_FINITE_FOR_OTHER_VALUES
    }

    private final Bug bug;

    CenteredScaleType(Bug bug) {
        this.bug = bug;
    }

    @Override
    public String name() {
        return bug == Bug.CAMEL_CASE_NAME ? "centeredScale" : "centered_scale";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(Hyperparameter.number("momentum", 0.9).between(0, 1));
    }

    @Override
    public Layer create(LayerArguments arguments) {
        return new CenteredScale(arguments.name(), arguments.hyperparameters().number("momentum"));
    }

    private final class CenteredScale implements Layer {
        private final String name;
        private final float momentum;
        private final java.util.Random own = new java.util.Random();
        private Parameter scale;
        private Matrix moving;
        private float[] batchMean;
        private float[] hidden;

        CenteredScale(String name, double momentum) {
            this.name = name;
            this.momentum = (float) momentum;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String type() {
            return CenteredScaleType.this.name();
        }

        @Override
        public int outputWidth(int inputWidth) {
            return inputWidth;
        }

        @Override
        public void build(int inputWidth, LayerContext context) {
            scale = context.addWeight("scale", 1, inputWidth, new Ones(), null);
            moving = context.addState("moving_mean", 1, inputWidth, new Zeros(), null);
            batchMean = new float[inputWidth];
            hidden = new float[inputWidth];
        }

        @Override
        public void forward(Matrix input, Matrix output, Pass pass) {
            int n = input.rows();
            int k = input.cols();
            float[] x = input.data();
            float[] y = output.data();
            float[] w = scale.value().data();
            float[] mu = moving.data();
            boolean batchStatistics = pass.training() || bug == Bug.BATCH_DEPENDENT_INFERENCE;
            float[] mean = batchStatistics || bug == Bug.INFERENCE_CLOBBERS_TRAINING_BUFFER ? batchMean
                    : bug == Bug.HIDDEN_STATE ? hidden : mu;
            if (bug == Bug.ALLOCATES && batchStatistics) {
                batchMean = new float[k];
                mean = batchMean;
            }
            if (batchStatistics) {
                for (int c = 0; c < k; c++) {
                    double s = 0;
                    for (int r = 0; r < n; r++) {
                        s += x[r * k + c];
                    }
                    mean[c] = (float) (s / n);
                }
            } else if (mean == batchMean) {
                System.arraycopy(mu, 0, batchMean, 0, k);
            }
            if (pass.training() || bug == Bug.INFERENCE_WRITES_STATE) {
                for (int c = 0; c < k; c++) {
                    float m = pass.training() ? mean[c] : x[c];
                    mu[c] = momentum * mu[c] + (1 - momentum) * m;
                    hidden[c] = mu[c];
                }
            }
            int written = bug == Bug.SKIPS_LAST_ELEMENT ? y.length - 1 : y.length;
            for (int i = 0; i < written; i++) {
                float noise = 0;
                if (pass.training()) {
                    noise = 0.01f * (bug == Bug.OWN_RANDOM ? own.nextFloat() : (float) pass.random().nextDouble());
                }
                y[i] = (x[i] - mean[i % k]) * w[i % k] + noise;
            }
            if (bug == Bug.MODIFIES_INPUT) {
                x[0] = y[0];
            }
            if (bug == Bug.NON_FINITE_FOR_OTHER_VALUES && momentum != 0.9f) {
                y[0] = Float.NaN;
            }
        }

        @Override
        public void backward(Matrix input, Matrix output, Matrix gradOutput, Matrix gradInput) {
            int n = input.rows();
            int k = input.cols();
            float[] x = input.data();
            float[] g = gradOutput.data();
            float[] w = scale.value().data();
            float[] gw = scale.gradient().data();
            java.util.Arrays.fill(gw, 0f);
            for (int i = 0; i < x.length; i++) {
                float centered = bug == Bug.WRONG_PARAMETER_GRADIENT ? x[i] : x[i] - batchMean[i % k];
                gw[i % k] += g[i] * centered;
            }
            if (gradInput == null) {
                return;
            }
            float[] gx = gradInput.data();
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int r = 0; r < n; r++) {
                    s += g[r * k + c];
                }
                float meanG = bug == Bug.WRONG_INPUT_GRADIENT ? 0 : (float) (s / n);
                for (int r = 0; r < n; r++) {
                    gx[r * k + c] = (g[r * k + c] - meanG) * w[c];
                }
            }
        }
    }
}
