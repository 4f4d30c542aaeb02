package org.neurite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.config.ConfigException;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.config.ConfigWriter;
import org.neurite.core.config.ModelConfig;
import org.neurite.core.data.Dataset;
import org.neurite.core.layer.Dense;
import org.neurite.core.model.Model;
import org.neurite.core.model.ModelAssembler;
import org.neurite.core.network.Network;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.spi.Loss;
import org.neurite.core.spi.Pass;
import org.neurite.core.spi.Regularizer;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;
import org.neurite.core.train.History;

/**
 * Kernel, bias and activity regularizers from a configuration: training against the float64
 * reference of Keras 3's arithmetic ({@link DenseReference}) over many steps with SGD and Adam,
 * the penalties in {@code loss} and {@code val_loss} but not in the metrics, the whole
 * gradient against finite differences, and model files.
 */
class RegularizedTrainingTest {
    static final Plugins PLUGINS = Plugins.discover();
    static final ModelAssembler ASSEMBLER = new ModelAssembler(PLUGINS);
    private static final double TOLERANCE = 1e-5;

    static final float[][] W1 = {{0.4f, -0.3f, 0.2f, 0.5f}, {-0.6f, 0.1f, 0.7f, -0.2f}, {0.3f, 0.8f, -0.5f, 0.1f}};
    static final float[] B1 = {0.05f, -0.1f, 0.15f, -0.02f};
    static final float[][] W2 = {{0.5f, -0.4f}, {-0.3f, 0.6f}, {0.2f, 0.1f}, {-0.7f, 0.3f}};
    static final float[] B2 = {0.1f, -0.05f};

    @TempDir
    Path dir;

    /** The 3-4-2 network with the explicit weights above; {@code %s}: hidden regularizers, output regularizer, optimizer, training keys. */
    static String yaml(String hidden, String output, String optimizer, String training) {
        return """
                input_shape: [3]
                layers:
                  - {type: dense, units: 4, activation: tanh, weights: %s, bias: %s%s}
                  - {type: dense, units: 2, activation: softmax, weights: %s, bias: %s%s}
                loss: categorical_crossentropy
                optimizer: %s
                metrics: [accuracy]
                training: {batch_size: 4, shuffle: false, seed: 3, verbose: 0%s}
                """.formatted(Arrays.deepToString(W1), Arrays.toString(B1), hidden, Arrays.deepToString(W2),
                Arrays.toString(B2), output, optimizer, training);
    }

    static Model model(String yaml) {
        return ASSEMBLER.assemble(new ConfigReader(PLUGINS).parse(yaml, "regularized.yaml"));
    }

    /** Ten samples of three features, one-hot by the sign of a linear function. */
    static Dataset data(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix x = new Matrix(n, 3);
        Matrix y = new Matrix(n, 2);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < 3; c++) {
                x.set(r, c, (float) random.nextDouble(-1, 1));
            }
            y.set(r, x.get(r, 0) - 0.5f * x.get(r, 1) + 0.3f * x.get(r, 2) > 0 ? 1 : 0, 1);
        }
        return new Dataset(x, y);
    }

    static double[][] rows(Matrix m) {
        double[][] d = new double[m.rows()][m.cols()];
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) {
                d[r][c] = m.get(r, c);
            }
        }
        return d;
    }

    static void assertWeights(DenseReference reference, Model model) {
        List<Parameter> p = model.network().parameters();
        assertClose("kernel 1", reference.w1, p.get(0).value());
        assertClose("bias 1", new double[][] {reference.b1}, p.get(1).value());
        assertClose("kernel 2", reference.w2, p.get(2).value());
        assertClose("bias 2", new double[][] {reference.b2}, p.get(3).value());
    }

    private static void assertClose(String what, double[][] expected, Matrix actual) {
        for (int r = 0; r < expected.length; r++) {
            for (int c = 0; c < expected[r].length; c++) {
                assertEquals(expected[r][c], actual.get(r, c), TOLERANCE, what + "[" + r + "][" + c + "]");
            }
        }
    }

    private static final String HIDDEN = ", kernel_regularizer: {name: l1_l2, l1: 0.01, l2: 0.02},"
            + " bias_regularizer: {name: l1, l1: 0.03}, activity_regularizer: {name: l2, l2: 0.05}";
    private static final String OUTPUT = ", kernel_regularizer: {name: l2, l2: 0.04}";
    private static final DenseReference.Penalties PENALTIES =
            new DenseReference.Penalties(0.01, 0.02, 0.03, 0, 0.05, 0.04);

    private void trainsAsTheReference(String optimizer, DenseReference.Rule rule) {
        Dataset train = data(1, 10);
        Dataset validation = data(2, 6);
        Model model = model(yaml(HIDDEN, OUTPUT, optimizer, ", epochs: 8"));
        History history = model.fit(train, model.fitOptions().validation(validation).build());
        DenseReference reference = new DenseReference(W1, B1, W2, B2, PENALTIES, rule);
        DenseReference unpenalized = new DenseReference(W1, B1, W2, B2, DenseReference.Penalties.NONE, rule);
        for (int e = 0; e < 8; e++) {
            double[] logged = reference.epoch(rows(train.x()), rows(train.y()), null, 4);
            assertEquals(logged[0], history.get("loss").get(e), TOLERANCE, "loss of epoch " + (e + 1));
            assertEquals(logged[1], history.get("accuracy").get(e), TOLERANCE, "accuracy of epoch " + (e + 1));
            // val_loss includes the penalties at the epoch's end weights; val_accuracy does not depend on them.
            double[][] vx = rows(validation.x());
            double[][] vy = rows(validation.y());
            double batched = (4 * reference.loss(Arrays.copyOfRange(vx, 0, 4), Arrays.copyOfRange(vy, 0, 4), null)
                    + 2 * reference.loss(Arrays.copyOfRange(vx, 4, 6), Arrays.copyOfRange(vy, 4, 6), null)) / 6;
            assertEquals(batched, history.get("val_loss").get(e), TOLERANCE, "val_loss of epoch " + (e + 1));
        }
        assertWeights(reference, model);
        // The same run without regularizers ends elsewhere: the penalties did act.
        Model plain = model(yaml("", "", optimizer, ", epochs: 8"));
        plain.fit(train);
        for (int e = 0; e < 8; e++) {
            unpenalized.epoch(rows(train.x()), rows(train.y()), null, 4);
        }
        assertWeights(unpenalized, plain);
        assertTrue(Math.abs(reference.w1[0][0] - unpenalized.w1[0][0]) > 1e-3);
    }

    @Test
    void regularizedSgdWithMomentumTrainsAsTheKerasReference() {
        trainsAsTheReference("{name: sgd, learning_rate: 0.2, momentum: 0.9}", new DenseReference.Rule("sgd", 0.2, 0.9));
    }

    @Test
    void regularizedAdamTrainsAsTheKerasReference() {
        trainsAsTheReference("{name: adam, learning_rate: 0.05}", new DenseReference.Rule("adam", 0.05, 0));
    }

    @Test
    void evaluateReportsTheLossWithPenaltiesAndTheMetricsWithout() {
        Dataset data = data(4, 7);
        Model model = model(yaml(HIDDEN, OUTPUT, "sgd", ""));
        Map<String, Double> logs = model.evaluate(data);
        DenseReference reference = new DenseReference(W1, B1, W2, B2, PENALTIES, new DenseReference.Rule("sgd", 0, 0));
        DenseReference plain = new DenseReference(W1, B1, W2, B2, DenseReference.Penalties.NONE,
                new DenseReference.Rule("sgd", 0, 0));
        double[][] x = rows(data.x());
        double[][] y = rows(data.y());
        double expected = (4 * reference.loss(Arrays.copyOfRange(x, 0, 4), Arrays.copyOfRange(y, 0, 4), null)
                + 3 * reference.loss(Arrays.copyOfRange(x, 4, 7), Arrays.copyOfRange(y, 4, 7), null)) / 7;
        assertEquals(expected, logs.get("loss"), TOLERANCE);
        assertEquals(model(yaml("", "", "sgd", "")).evaluate(data).get("accuracy"), logs.get("accuracy"));
        assertTrue(logs.get("loss") > plain.loss(x, y, null) + 0.01);
    }

    @Test
    void theGradientIncludingEveryPenaltyMatchesFiniteDifferences() {
        // Activity penalties on a hidden layer and on the fused softmax output, kernel and bias penalties.
        String hidden = ", kernel_regularizer: {name: l1_l2, l1: 0.02, l2: 0.03}, bias_regularizer: {name: l2, l2: 0.1},"
                + " activity_regularizer: {name: l1_l2, l1: 0.01, l2: 0.2}";
        String output = ", kernel_regularizer: {name: l1, l1: 0.05}, activity_regularizer: {name: l2, l2: 0.3}";
        checkGradient(model(yaml(hidden, output, "sgd", "")));
    }

    @Test
    void anActivityPenaltyOnAnUnfusedOutputBackPropagatesThroughTheActivation() {
        String yaml = yaml("", ", activity_regularizer: {name: l1, l1: 0.2}", "sgd", "")
                .replace("loss: categorical_crossentropy", "loss: mean_squared_error");
        checkGradient(model(yaml));
    }

    private static void checkGradient(Model model) {
        Network net = model.network();
        Loss loss = model.loss();
        Dataset data = data(5, 6);
        Matrix x = data.x();
        Matrix y = data.y();
        // A training pass (layer normalization keeps what its backward pass needs only then); no layer here draws from it.
        Pass pass = Pass.training(new SplittableRandom(1));
        Matrix out = net.forward(x, pass);
        Matrix grad = new Matrix(6, 2);
        Loss fused = loss.fusedWith(net.outputActivation()).orElse(null);
        if (fused != null) {
            fused.gradient(net.logits(), y, grad);
            net.backwardFromLogits(grad);
        } else {
            loss.gradient(out, y, grad);
            net.backward(grad);
        }
        double eps = 1e-3;
        for (Parameter p : net.parameters()) {
            float[] w = p.value().data();
            float[] analytic = p.gradient().data().clone();
            for (int i = 0; i < w.length; i++) {
                float saved = w[i];
                w[i] = (float) (saved + eps);
                double plus = loss.loss(net.forward(x, pass), y) + net.penalty();
                w[i] = (float) (saved - eps);
                double minus = loss.loss(net.forward(x, pass), y) + net.penalty();
                w[i] = saved;
                double numeric = (plus - minus) / (2 * eps);
                double error = Math.abs(numeric - analytic[i]) / Math.max(1e-2, Math.abs(numeric) + Math.abs(analytic[i]));
                assertTrue(error < 1e-2, p.name() + "[" + i + "]: backpropagation " + analytic[i]
                        + ", finite differences " + numeric);
            }
        }
    }

    @Test
    void normalizationAndPreluWeightsTakeKerasRegularizersToo() {
        String yaml = """
                input_shape: [3]
                layers:
                  - {type: dense, units: 4, weights: %s, bias: %s}
                  - {type: prelu, alpha: [0.1, -0.2, 0.3, 0.05], alpha_regularizer: {name: l2, l2: 0.5}}
                  - {type: layer_normalization, gamma: [1.5, 0.5, 1.0, 2.0], beta: [0.1, 0.2, -0.3, 0.0],
                     gamma_regularizer: {name: l2, l2: 0.1}, beta_regularizer: {name: l1, l1: 0.2}}
                  - {type: batch_normalization, gamma: [1.0, 2.0, 0.5, 1.0], beta_regularizer: l2,
                     gamma_regularizer: {name: l1, l1: 0.3}}
                  - {type: dense, units: 2, activation: softmax}
                loss: categorical_crossentropy
                optimizer: sgd
                training: {seed: 1}
                """.formatted(Arrays.deepToString(W1), Arrays.toString(B1));
        Model model = model(yaml);
        model.network().forward(data(7, 5).x(), Pass.inference());
        double expected = 0.5 * (0.01 + 0.04 + 0.09 + 0.0025)
                + 0.1 * (2.25 + 0.25 + 1 + 4) + 0.2 * (0.1 + 0.2 + 0.3)
                + 0.3 * (1 + 2 + 0.5 + 1);                      // batch_normalization's beta starts at 0
        assertEquals(expected, model.network().penalty(), 1e-6);
        // The gradient through prelu and layer normalization, with their penalties.
        checkGradient(model(yaml.replace("""
                  - {type: batch_normalization, gamma: [1.0, 2.0, 0.5, 1.0], beta_regularizer: l2,
                     gamma_regularizer: {name: l1, l1: 0.3}}
                """, "")));
    }

    @Test
    void thePenaltyIsTheSumOfEveryTermAsKerasComputesIt() {
        Model model = model(yaml(HIDDEN, OUTPUT, "sgd", ""));
        Dataset data = data(6, 5);
        model.network().forward(data.x(), Pass.inference());
        DenseReference reference = new DenseReference(W1, B1, W2, B2, PENALTIES, new DenseReference.Rule("sgd", 0, 0));
        DenseReference plain = new DenseReference(W1, B1, W2, B2, DenseReference.Penalties.NONE,
                new DenseReference.Rule("sgd", 0, 0));
        double[][] x = rows(data.x());
        double[][] y = rows(data.y());
        assertEquals(reference.loss(x, y, null) - plain.loss(x, y, null), model.network().penalty(), 1e-6);
    }

    @Test
    void regularizersAreWrittenBackSavedAndLoaded() {
        Model model = model(yaml(HIDDEN, OUTPUT, "sgd", ", epochs: 2"));
        model.fit(data(1, 10));
        String json = ConfigWriter.toJson(model.config());
        ModelConfig again = new ConfigReader(PLUGINS).parse(json, "again.json");
        assertEquals(model.config().layers(), again.layers());
        assertTrue(json.contains("\"activity_regularizer\""), json);

        Path file = dir.resolve("regularized.neurite");
        model.save(file);
        Model loaded = Model.load(file, ASSEMBLER);
        Dense hidden = (Dense) loaded.network().layers().get(0);
        Regularizer activity = hidden.activityRegularizer();
        assertEquals("l2", activity.name());
        assertEquals(model.evaluate(data(2, 6)), loaded.evaluate(data(2, 6)));
        // Training on continues identically.
        model.fit(data(1, 10));
        loaded.fit(data(1, 10));
        for (int i = 0; i < 4; i++) {
            assertEquals(model.network().parameters().get(i).value(), loaded.network().parameters().get(i).value());
        }
    }

    @Test
    void aRegularizerWithABadFactorIsAConfigErrorWithThePathAndTheRange() {
        var e = assertThrows(ConfigException.class, () -> model(yaml(", kernel_regularizer: {name: l2, l2: -1}", "",
                "sgd", "")));
        assertEquals("layers[0].kernel_regularizer.l2", e.path());
        assertTrue(e.getMessage().contains("≥ 0"), e.getMessage());
        var unknown = assertThrows(ConfigException.class, () -> model(yaml(", kernel_regularizer: l3", "",
                "sgd", "")));
        assertEquals("layers[0].kernel_regularizer", unknown.path());
        assertTrue(unknown.getMessage().contains("Unknown regularizer 'l3'"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("l1, l1_l2, l2"), unknown.getMessage());
    }
}
