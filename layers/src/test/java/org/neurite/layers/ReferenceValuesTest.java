package org.neurite.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neurite.core.network.Network;
import org.neurite.core.spi.HyperparameterException;
import org.neurite.core.spi.Layer;
import org.neurite.core.spi.Pass;
import org.neurite.core.spi.SoftmaxActivation;
import org.neurite.core.tensor.Matrix;

/**
 * Forward values, gradients and moving statistics of the built-in layers against references
 * written here from Keras's definitions: float64 loops and Keras's documented examples, never
 * Neurite's own code.
 */
class ReferenceValuesTest {
    private static final double TOLERANCE = 1e-5;

    private static Matrix forward(Layer layer, Matrix x, Pass pass) {
        Matrix y = new Matrix(x.rows(), x.cols());
        layer.forward(x, y, pass);
        if (layer.activation() != null) {
            Matrix a = new Matrix(x.rows(), x.cols());
            layer.activation().forward(y, a);
            return a;
        }
        return y;
    }

    private static Matrix row(double... values) {
        return Matrix.of(new double[][] {values});
    }

    private static void assertValues(double[][] expected, Matrix actual, String what) {
        assertEquals(expected.length, actual.rows(), what + ": rows");
        for (int r = 0; r < expected.length; r++) {
            assertEquals(expected[r].length, actual.cols(), what + ": columns");
            for (int c = 0; c < expected[r].length; c++) {
                double e = expected[r][c];
                assertEquals(e, actual.get(r, c), TOLERANCE * Math.max(1, Math.abs(e)),
                        what + " at (" + r + ", " + c + ")");
            }
        }
    }

    private static Matrix inference(String type, Map<String, ?> h, double... x) {
        Layer layer = Layers.create(type(type), h, Map.of());
        Layers.network(layer, x.length);
        return forward(layer, row(x), Pass.inference());
    }

    private static org.neurite.core.spi.LayerType type(String name) {
        return switch (name) {
            case "relu" -> new ReluType();
            case "leaky_relu" -> new LeakyReluType();
            case "elu" -> new EluType();
            default -> throw new IllegalArgumentException(name);
        };
    }

    // --- Activation layers, from Keras's documented examples ---------------------------------

    @Test
    void reluMatchesKerasDocumentedExamples() {
        assertValues(new double[][] {{0, 0, 0, 2}}, inference("relu", Map.of(), -3, -1, 0, 2), "relu()");
        assertValues(new double[][] {{0, 0, 0, 1}}, inference("relu", Map.of("max_value", 1.0), -3, -1, 0, 2),
                "relu(max_value=1)");
        assertValues(new double[][] {{-3, -1, 0, 2}}, inference("relu", Map.of("negative_slope", 1.0), -3, -1, 0, 2),
                "relu(negative_slope=1)");
        assertValues(new double[][] {{0, 0, 0, 2}}, inference("relu", Map.of("threshold", 1.5), -3, -1, 1, 2),
                "relu(threshold=1.5)");
        assertValues(new double[][] {{-5, -2.5, 0, 5, 10}}, inference("relu",
                Map.of("max_value", 10.0, "negative_slope", 0.5, "threshold", 0.0), -10, -5, 0, 5, 10),
                "relu(max_value=10, negative_slope=0.5)");
        assertValues(new double[][] {{0, 0, 0, 0, 10}}, inference("relu", Map.of("threshold", 5.0), -10, -5, 0, 5, 10),
                "relu(threshold=5)");
        assertValues(new double[][] {{0, 0, 0, 5, 5}}, inference("relu", Map.of("max_value", 5.0), -10, -5, 0, 5, 10),
                "relu(max_value=5)");
    }

    @Test
    void reluWithEveryOptionMatchesTheKerasFormulaElementByElement() {
        // f(x) = max_value if x >= max_value; x if threshold <= x < max_value;
        // negative_slope·(x − threshold) otherwise (Keras's ReLU layer docstring).
        double max = 2;
        double slope = 0.25;
        double threshold = 0.5;
        double[] x = {-3, -0.75, 0.25, 0.75, 1.5, 2.5, 7};
        double[][] expected = new double[1][x.length];
        for (int i = 0; i < x.length; i++) {
            expected[0][i] = x[i] >= max ? max : x[i] >= threshold ? x[i] : slope * (x[i] - threshold);
        }
        assertValues(expected, inference("relu", Map.of("max_value", max, "negative_slope", slope,
                "threshold", threshold), x), "relu(2, 0.25, 0.5)");
        Layer layer = Layers.create(new ReluType(), Map.of("max_value", max, "negative_slope", slope,
                "threshold", threshold), Map.of());
        Matrix in = row(x);
        Matrix gradIn = new Matrix(1, x.length);
        layer.backward(in, new Matrix(1, x.length), row(1, 1, 1, 1, 1, 1, 1), gradIn);
        assertValues(new double[][] {{slope, slope, slope, 1, 1, 0, 0}}, gradIn, "relu derivative");
    }

    @Test
    void leakyReluDefaultsToASlopeOfPointThree() {
        assertValues(new double[][] {{-0.9, -0.3, 0, 2}}, inference("leaky_relu", Map.of(), -3, -1, 0, 2),
                "leaky_relu()");
        assertValues(new double[][] {{-1.5, -0.5, 0, 2}}, inference("leaky_relu", Map.of("negative_slope", 0.5),
                -3, -1, 0, 2), "leaky_relu(0.5)");
    }

    @Test
    void eluIsAlphaTimesExpMinusOneBelowZero() {
        assertValues(new double[][] {{Math.exp(-2) - 1, Math.exp(-0.5) - 1, 0, 1.5}},
                inference("elu", Map.of(), -2, -0.5, 0, 1.5), "elu()");
        Layer layer = Layers.create(new EluType(), Map.of("alpha", 0.5), Map.of());
        Matrix gradIn = new Matrix(1, 3);
        layer.backward(row(-2, -0.5, 1.5), new Matrix(1, 3), row(2, 2, 2), gradIn);
        assertValues(new double[][] {{2 * 0.5 * Math.exp(-2), 2 * 0.5 * Math.exp(-0.5), 2}}, gradIn, "elu derivative");
    }

    @Test
    void preluUsesATrainableSlopePerFeature() {
        Layer layer = Layers.create(new PreluType(), Map.of(), Map.of("alpha", row(0.25, -0.5)));
        Network network = Layers.network(layer, 2);
        Matrix x = Matrix.of(new double[][] {{-2, 3}, {4, -1}, {-6, -8}});
        assertValues(new double[][] {{-0.5, 3}, {4, 0.5}, {-1.5, 4}}, forward(layer, x, Pass.inference()), "prelu");
        Matrix g = Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        Matrix gradIn = new Matrix(3, 2);
        layer.backward(x, new Matrix(3, 2), g, gradIn);
        assertValues(new double[][] {{0.25, 2}, {3, -2}, {1.25, -3}}, gradIn, "prelu dL/dx");
        // dL/dalpha_c = Σ_r g·min(x, 0): column 0: 1·(−2) + 5·(−6); column 1: 4·(−1) + 6·(−8).
        assertValues(new double[][] {{-32, -52}}, network.parameters().get(0).gradient(), "prelu dL/dalpha");
        assertEquals("prelu_1/alpha", network.parameters().get(0).name());
        Layer zero = Layers.create(new PreluType(), Map.of(), Map.of());
        Layers.network(zero, 2);
        assertValues(new double[][] {{0, 3}}, forward(zero, row(-2, 3), Pass.inference()),
                "prelu with Keras's default alpha_initializer zeros");
    }

    @Test
    void softmaxLayerNormalizesEachRowAndIsAFusableSoftmax() {
        Layer layer = new SoftmaxType().create(new org.neurite.core.spi.LayerArguments("softmax_1",
                org.neurite.core.spi.Hyperparameters.resolve("softmax", List.of(), Map.of()), Map.of(), Map.of()));
        assertTrue(layer.activation() instanceof SoftmaxActivation, "losses fuse with SoftmaxActivation");
        double e1 = Math.exp(1);
        double e2 = Math.exp(2);
        double e3 = Math.exp(3);
        double s = e1 + e2 + e3;
        assertValues(new double[][] {{e1 / s, e2 / s, e3 / s}, {1 / 3.0, 1 / 3.0, 1 / 3.0}},
                forward(layer, Matrix.of(new double[][] {{1, 2, 3}, {1000, 1000, 1000}}), Pass.inference()),
                "softmax");
    }

    // --- Dropout and Gaussian noise --------------------------------------------------------

    @Test
    void dropoutKeepsWithProbabilityOneMinusRateScaledByItsInverseAndIsTheIdentityInInference() {
        double rate = 0.4;
        Layer layer = Layers.create(new DropoutType(), Map.of("rate", rate), Map.of());
        Layers.network(layer, 50);
        Matrix x = new Matrix(200, 50);
        SplittableRandom values = new SplittableRandom(3);
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] = (float) values.nextDouble(0.5, 2);
        }
        Matrix y = forward(layer, x, Pass.training(new SplittableRandom(77)));
        // The documented draw: one uniform per element in row order, kept when it is ≥ rate.
        SplittableRandom draws = new SplittableRandom(77);
        int kept = 0;
        for (int i = 0; i < x.size(); i++) {
            boolean keep = draws.nextDouble() >= rate;
            double expected = keep ? x.data()[i] / (1 - rate) : 0;
            assertEquals(expected, y.data()[i], 1e-6 * Math.abs(expected), "element " + i);
            kept += keep ? 1 : 0;
        }
        double fraction = kept / (double) x.size();
        assertEquals(1 - rate, fraction, 0.015, "kept fraction over 10000 elements");   // 3σ ≈ 0.015
        Matrix g = new Matrix(200, 50).fill(1f);
        Matrix gradIn = new Matrix(200, 50);
        layer.backward(x, y, g, gradIn);
        for (int i = 0; i < x.size(); i++) {
            assertEquals(y.data()[i] == 0 ? 0 : 1 / (1 - rate), gradIn.data()[i], 1e-6, "gradient " + i);
        }
        assertEquals(x, forward(layer, x, Pass.inference()), "dropout is the identity in inference");
        assertThrows(HyperparameterException.class, () -> Layers.create(new DropoutType(), Map.of("rate", 1.0), Map.of()));
        assertThrows(HyperparameterException.class, () -> Layers.create(new DropoutType(), Map.of(), Map.of()),
                "rate is required, as in Keras");
    }

    @Test
    void gaussianNoiseAddsZeroMeanNoiseOfTheGivenDeviationInTrainingOnly() {
        double stddev = 0.3;
        Layer layer = Layers.create(new GaussianNoiseType(), Map.of("stddev", stddev), Map.of());
        Layers.network(layer, 100);
        Matrix x = new Matrix(100, 100).fill(2f);
        Matrix y = forward(layer, x, Pass.training(new SplittableRandom(5)));
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < y.size(); i++) {
            double d = y.data()[i] - 2.0;
            sum += d;
            squares += d * d;
        }
        int n = y.size();
        double mean = sum / n;
        double sd = Math.sqrt(squares / n - mean * mean);
        assertEquals(0, mean, 4 * stddev / Math.sqrt(n), "noise mean");
        assertEquals(stddev, sd, 0.02 * stddev, "noise standard deviation");
        assertEquals(x, forward(layer, x, Pass.inference()), "no noise in inference");
        Matrix gradIn = new Matrix(100, 100);
        Matrix g = new Matrix(100, 100).fill(0.5f);
        layer.backward(x, y, g, gradIn);
        assertEquals(g, gradIn, "the gradient passes through");
    }

    // --- Normalization -------------------------------------------------------------------------

    /** Batch normalization in float64, written from Keras's definition, for one feature. */
    private static final class BatchNormReference {
        final double momentum;
        final double epsilon;
        double movingMean;
        double movingVariance = 1;

        BatchNormReference(double momentum, double epsilon) {
            this.momentum = momentum;
            this.epsilon = epsilon;
        }

        /** Training output of a column, and its gradients for dL/dy = g; updates the moving statistics. */
        double[][] train(double[] x, double[] g, double gamma, double beta) {
            int n = x.length;
            double mean = 0;
            for (double v : x) {
                mean += v / n;
            }
            double variance = 0;
            for (double v : x) {
                variance += (v - mean) * (v - mean) / n;
            }
            double sigma = Math.sqrt(variance + epsilon);
            double[] y = new double[n];
            double[] dx = new double[n];
            double dGamma = 0;
            double dBeta = 0;
            for (int i = 0; i < n; i++) {
                y[i] = gamma * (x[i] - mean) / sigma + beta;
                dGamma += g[i] * (x[i] - mean) / sigma;
                dBeta += g[i];
            }
            // Chain rule through mean and variance, term by term:
            // dL/dx_i = γ/σ·(g_i) + dL/dvar·2(x_i − μ)/n + dL/dμ/n.
            double dVar = 0;
            double dMean = 0;
            for (int i = 0; i < n; i++) {
                dVar += g[i] * gamma * (x[i] - mean) * -0.5 * Math.pow(variance + epsilon, -1.5);
                dMean += -g[i] * gamma / sigma;
            }
            for (int i = 0; i < n; i++) {
                dx[i] = g[i] * gamma / sigma + dVar * 2 * (x[i] - mean) / n + dMean / n;
            }
            movingMean = movingMean * momentum + mean * (1 - momentum);
            movingVariance = movingVariance * momentum + variance * (1 - momentum);
            return new double[][] {y, dx, {dGamma, dBeta}};
        }

        double infer(double x, double gamma, double beta) {
            return gamma * (x - movingMean) / Math.sqrt(movingVariance + epsilon) + beta;
        }
    }

    @Test
    void batchNormalizationMatchesAFloat64ReferenceOverSeveralTrainingSteps() {
        double momentum = 0.9;
        double epsilon = 1e-3;
        Layer layer = Layers.create(new BatchNormalizationType(), Map.of("momentum", momentum), Map.of(
                "gamma", row(1.5, -0.5), "beta", row(0.25, 1)));
        Network network = Layers.network(layer, 2);
        assertEquals(List.of("batch_normalization_1/gamma", "batch_normalization_1/beta",
                        "batch_normalization_1/moving_mean", "batch_normalization_1/moving_variance"),
                List.copyOf(network.arrays().keySet()), "Keras's weight order");
        assertEquals(List.of("batch_normalization_1/moving_mean", "batch_normalization_1/moving_variance"),
                List.copyOf(network.state().keySet()));
        double[] gammas = {1.5, -0.5};
        double[] betas = {0.25, 1};
        BatchNormReference[] reference = {new BatchNormReference(momentum, epsilon),
                new BatchNormReference(momentum, epsilon)};
        SplittableRandom random = new SplittableRandom(11);
        int n = 5;
        for (int step = 0; step < 4; step++) {
            Matrix x = new Matrix(n, 2);
            Matrix g = new Matrix(n, 2);
            for (int i = 0; i < x.size(); i++) {
                x.data()[i] = (float) random.nextDouble(-2, 4);
                g.data()[i] = (float) random.nextDouble(-1, 1);
            }
            Matrix y = forward(layer, x, Pass.training(new SplittableRandom(step)));
            Matrix gradIn = new Matrix(n, 2);
            layer.backward(x, y, g, gradIn);
            for (int c = 0; c < 2; c++) {
                double[] xc = new double[n];
                double[] gc = new double[n];
                for (int r = 0; r < n; r++) {
                    xc[r] = x.get(r, c);
                    gc[r] = g.get(r, c);
                }
                double[][] expected = reference[c].train(xc, gc, gammas[c], betas[c]);
                for (int r = 0; r < n; r++) {
                    assertEquals(expected[0][r], y.get(r, c), TOLERANCE, "step " + step + " y(" + r + ", " + c + ")");
                    assertEquals(expected[1][r], gradIn.get(r, c), TOLERANCE,
                            "step " + step + " dL/dx(" + r + ", " + c + ")");
                }
                assertEquals(expected[2][0], network.parameters().get(0).gradient().get(0, c), TOLERANCE,
                        "step " + step + " dL/dgamma " + c);
                assertEquals(expected[2][1], network.parameters().get(1).gradient().get(0, c), TOLERANCE,
                        "step " + step + " dL/dbeta " + c);
                assertEquals(reference[c].movingMean, network.state().get("batch_normalization_1/moving_mean")
                        .get(0, c), TOLERANCE, "step " + step + " moving mean " + c);
                assertEquals(reference[c].movingVariance, network.state()
                        .get("batch_normalization_1/moving_variance").get(0, c), TOLERANCE,
                        "step " + step + " moving variance " + c);
            }
        }
        Matrix x = Matrix.of(new double[][] {{0.5, -1}, {3, 2}});
        Matrix before = network.state().get("batch_normalization_1/moving_mean").copy();
        Matrix y = forward(layer, x, Pass.inference());
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                assertEquals(reference[c].infer(x.get(r, c), gammas[c], betas[c]), y.get(r, c), TOLERANCE,
                        "inference (" + r + ", " + c + ")");
            }
        }
        assertEquals(before, network.state().get("batch_normalization_1/moving_mean"), "inference writes no state");
    }

    @Test
    void batchNormalizationOfAHandWorkedBatch() {
        // Columns [1, 3] and [2, 6]: means 2 and 4, biased variances 1 and 4; Keras's defaults.
        Layer layer = Layers.create(new BatchNormalizationType(), Map.of(), Map.of());
        Network network = Layers.network(layer, 2);
        Matrix y = forward(layer, Matrix.of(new double[][] {{1, 2}, {3, 6}}), Pass.training(new SplittableRandom(1)));
        double a = 1 / Math.sqrt(1.001);
        double b = 2 / Math.sqrt(4.001);
        assertValues(new double[][] {{-a, -b}, {a, b}}, y, "normalized batch");
        // moving_mean = 0·0.99 + mean·0.01; moving_variance = 1·0.99 + var·0.01.
        assertValues(new double[][] {{0.02, 0.04}}, network.state().get("batch_normalization_1/moving_mean"), "moving mean");
        assertValues(new double[][] {{1.0, 1.03}}, network.state().get("batch_normalization_1/moving_variance"),
                "moving variance");
        assertValues(new double[][] {{(1 - 0.02) / Math.sqrt(1.001), (2 - 0.04) / Math.sqrt(1.031)}},
                forward(layer, row(1, 2), Pass.inference()), "inference with the moving statistics");
    }

    @Test
    void batchNormalizationWithoutCenterOrScaleHasOnlyItsMovingStatistics() {
        Layer layer = Layers.create(new BatchNormalizationType(), Map.of("center", false, "scale", false), Map.of());
        Network network = Layers.network(layer, 3);
        assertTrue(network.parameters().isEmpty());
        assertEquals(2, network.arrays().size());
        HyperparameterException e = assertThrows(HyperparameterException.class, () -> Layers.create(
                new BatchNormalizationType(), Map.of("scale", false), Map.of("gamma", row(1, 1, 1))));
        assertEquals("gamma", e.key());
        Layer wrongWidth = Layers.create(new BatchNormalizationType(), Map.of(), Map.of("beta", row(1, 2)));
        HyperparameterException w = assertThrows(HyperparameterException.class, () -> Layers.network(wrongWidth, 3));
        assertEquals("beta", w.key());
        assertTrue(w.getMessage().contains("1×3"), w.getMessage());
    }

    @Test
    void layerNormalizationNormalizesEachSampleOverItsFeatures() {
        Layer layer = Layers.create(new LayerNormalizationType(), Map.of(), Map.of(
                "gamma", row(2, 1, -1), "beta", row(0, 0.5, 1)));
        Network network = Layers.network(layer, 3);
        assertEquals(List.of("layer_normalization_1/gamma", "layer_normalization_1/beta"),
                List.copyOf(network.arrays().keySet()));
        double[][] xs = {{1, 2, 6}, {-1, -1, 5}};
        double[] gammas = {2, 1, -1};
        double[] betas = {0, 0.5, 1};
        double[][] g = {{0.5, -1, 0.25}, {1, 2, -0.5}};
        double[][] expected = new double[2][3];
        double[][] expectedDx = new double[2][3];
        double[] dGamma = new double[3];
        double[] dBeta = new double[3];
        for (int r = 0; r < 2; r++) {
            double mean = (xs[r][0] + xs[r][1] + xs[r][2]) / 3;
            double variance = 0;
            for (double v : xs[r]) {
                variance += (v - mean) * (v - mean) / 3;
            }
            double sigma = Math.sqrt(variance + 1e-3);
            double dVar = 0;
            double dMean = 0;
            for (int c = 0; c < 3; c++) {
                double xhat = (xs[r][c] - mean) / sigma;
                expected[r][c] = gammas[c] * xhat + betas[c];
                dGamma[c] += g[r][c] * xhat;
                dBeta[c] += g[r][c];
                dVar += g[r][c] * gammas[c] * (xs[r][c] - mean) * -0.5 * Math.pow(variance + 1e-3, -1.5);
                dMean += -g[r][c] * gammas[c] / sigma;
            }
            for (int c = 0; c < 3; c++) {
                expectedDx[r][c] = g[r][c] * gammas[c] / sigma + dVar * 2 * (xs[r][c] - mean) / 3 + dMean / 3;
            }
        }
        Matrix x = Matrix.of(xs);
        Matrix y = forward(layer, x, Pass.training(new SplittableRandom(1)));
        assertValues(expected, y, "layer normalization (training)");
        assertValues(expected, forward(layer, x, Pass.inference()), "layer normalization (inference)");
        Matrix gradIn = new Matrix(2, 3);
        layer.backward(x, y, Matrix.of(g), gradIn);
        assertValues(expectedDx, gradIn, "dL/dx");
        assertValues(new double[][] {dGamma}, network.parameters().get(0).gradient(), "dL/dgamma");
        assertValues(new double[][] {dBeta}, network.parameters().get(1).gradient(), "dL/dbeta");
    }

}
