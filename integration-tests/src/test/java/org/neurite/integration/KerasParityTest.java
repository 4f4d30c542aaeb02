package org.neurite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.layer.Dense;
import org.neurite.core.model.Model;
import org.neurite.core.model.ModelAssembler;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.data.Dataset;
import org.neurite.core.train.History;

/**
 * The reference program trained from explicit starting weights gives Keras's numbers. The
 * expected values come from tools/reference/keras_reference.py, an independent float64 numpy
 * implementation of what tf.keras computes (fused softmax cross-entropy, ReLU derivative 0 at
 * 0, Keras SGD with momentum, Nesterov and legacy decay, epoch logs taken before each update).
 */
class KerasParityTest {
    private static final Plugins PLUGINS = Plugins.discover();
    private static final double LOSS_TOLERANCE = 1e-5;
    private static final double PREDICTION_TOLERANCE = 1e-5;
    private static final double WEIGHT_TOLERANCE = 1e-4;

    static Stream<JsonNode> cases() throws IOException {
        try (InputStream in = KerasParityTest.class.getResourceAsStream("/parity/xor_keras_reference.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<JsonNode> cases = new ArrayList<>();
            root.get("cases").forEach(cases::add);
            return cases.stream();
        }
    }

    private static JsonNode reference() throws IOException {
        try (InputStream in = KerasParityTest.class.getResourceAsStream("/parity/xor_keras_reference.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** The reference program as a configuration file, starting from the case's weights. */
    private static String config(JsonNode c) {
        JsonNode h = c.get("hyperparameters");
        JsonNode w = c.get("initial");
        return """
                input_shape: [2]
                layers:
                  - {type: dense, units: 8, weights: %s, bias: %s}
                  - {type: activation, activation: relu}
                  - {type: dense, units: 2, weights: %s, bias: %s}
                  - {type: activation, activation: softmax}
                loss: categorical_crossentropy
                optimizer: {name: sgd, learning_rate: %s, momentum: %s, nesterov: %s, decay: %s}
                metrics: [accuracy]
                training: {epochs: %d, batch_size: %d, shuffle: true, seed: 1234, verbose: 0}
                """.formatted(w.get("W1"), w.get("b1"), w.get("W2"), w.get("b2"),
                h.get("learning_rate"), h.get("momentum"), h.get("nesterov"), h.get("decay"),
                h.get("epochs").asInt(), h.get("batch_size").asInt());
    }

    private static Matrix matrix(JsonNode rows) {
        double[][] values = new double[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            JsonNode row = rows.get(r).isArray() ? rows.get(r) : rows;
            values[r] = new double[row.size()];
            for (int c = 0; c < row.size(); c++) {
                values[r][c] = row.get(c).asDouble();
            }
            if (!rows.get(r).isArray()) {
                return Matrix.of(values[r]);
            }
        }
        return Matrix.of(values);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void trainingFromKerasWeightsGivesKerasLossesAccuraciesPredictionsAndWeights(JsonNode c) throws IOException {
        JsonNode root = reference();
        Model model = new ModelAssembler(PLUGINS).assemble(new ConfigReader(PLUGINS).parse(config(c),
                c.get("name").asText() + ".yaml"));
        Dataset xor = new Dataset(matrix(root.get("x")), matrix(root.get("t")));
        History history = model.fit(xor);

        JsonNode losses = c.get("loss");
        JsonNode accuracies = c.get("accuracy");
        assertEquals(losses.size(), history.epochs());
        for (int e = 0; e < losses.size(); e++) {
            double expected = losses.get(e).asDouble();
            double actual = history.get("loss").get(e);
            assertTrue(Math.abs(expected - actual) <= LOSS_TOLERANCE,
                    "epoch " + (e + 1) + ": loss " + actual + ", Keras " + expected);
            assertEquals(accuracies.get(e).asDouble(), history.get("accuracy").get(e), "epoch " + (e + 1) + " accuracy");
        }

        Matrix predictions = model.predict(xor.x());
        JsonNode expectedPredictions = c.get("predictions");
        for (int r = 0; r < 4; r++) {
            for (int k = 0; k < 2; k++) {
                double expected = expectedPredictions.get(r).get(k).asDouble();
                assertTrue(Math.abs(expected - predictions.get(r, k)) <= PREDICTION_TOLERANCE,
                        "prediction[" + r + "][" + k + "] " + predictions.get(r, k) + ", Keras " + expected);
            }
        }

        JsonNode fin = c.get("final");
        Dense hidden = (Dense) model.network().layers().get(0);
        Dense output = (Dense) model.network().layers().get(2);
        assertClose(matrix(fin.get("W1")), hidden.kernel().value(), "W1");
        assertClose(matrix(fin.get("b1")), hidden.bias().value(), "b1");
        assertClose(matrix(fin.get("W2")), output.kernel().value(), "W2");
        assertClose(matrix(fin.get("b2")), output.bias().value(), "b2");
    }

    private static void assertClose(Matrix expected, Matrix actual, String what) {
        assertEquals(expected.shape(), actual.shape(), what + " shape");
        for (int i = 0; i < expected.size(); i++) {
            float e = expected.data()[i];
            float a = actual.data()[i];
            assertTrue(Math.abs(e - a) <= WEIGHT_TOLERANCE, what + "[" + i + "] = " + a + ", Keras " + e);
        }
    }
}
