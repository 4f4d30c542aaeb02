package org.neurite.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.model.Model;
import org.neurite.core.model.ModelAssembler;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;
import org.neurite.core.data.Dataset;
import org.neurite.core.train.History;

/** Models, data and comparisons shared by the tests. */
final class Fixtures {
    static final Plugins PLUGINS = Plugins.discover();
    static final ModelAssembler ASSEMBLER = new ModelAssembler(PLUGINS);

    /**
     * A 2-8-2 classifier; {@code %s} are the two layers' extra keys, the optimizer, the root's
     * extra entries and the training section's extra keys.
     */
    private static final String CONFIG = """
            input_shape: [2]
            layers:
              - {type: dense, units: 8, activation: relu%s}
              - {type: dense, units: 2, activation: softmax%s}
            loss: categorical_crossentropy
            optimizer: %s
            metrics: [accuracy]%s
            training: {batch_size: 8, seed: 7, verbose: 0%s}
            """;

    private Fixtures() {
    }

    /** A new model with {@code optimizer} (YAML) and extra {@code training} keys (", k: v"); 3 epochs unless given. */
    static Model model(String optimizer, String training) {
        return model("", "", optimizer, "", training);
    }

    /**
     * A new model with extra keys for the hidden and the output layer (", k: v"), {@code optimizer},
     * extra root entries ("\nweighted_metrics: [...]") and extra {@code training} keys; 3 epochs unless given.
     */
    static Model model(String hidden, String output, String optimizer, String root, String training) {
        String keys = training.contains("epochs:") ? training : ", epochs: 3" + training;
        return ASSEMBLER.assemble(new ConfigReader(PLUGINS).parse(
                CONFIG.formatted(hidden, output, optimizer, root, keys), "test.yaml"));
    }

    /** The 2-8-2 classifier with plain SGD, learning rate 0.1. */
    static Model sgd(String training) {
        return model("{name: sgd, learning_rate: 0.1}", training);
    }

    /** {@code n} points of the unit square, labelled one-hot by XOR of their halves. */
    static Dataset xor(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix x = new Matrix(n, 2);
        Matrix y = new Matrix(n, 2);
        for (int r = 0; r < n; r++) {
            float a = (float) random.nextDouble();
            float b = (float) random.nextDouble();
            x.set(r, 0, a);
            x.set(r, 1, b);
            y.set(r, (a > 0.5f) != (b > 0.5f) ? 1 : 0, 1);
        }
        return new Dataset(x, y);
    }

    /** {@code n} points of the unit square, labelled one-hot by the side of the diagonal a + b = 1. */
    static Dataset diagonal(int n, long seed) {
        Dataset d = xor(n, seed);
        for (int r = 0; r < n; r++) {
            int label = d.x().get(r, 0) + d.x().get(r, 1) > 1 ? 1 : 0;
            d.y().set(r, label, 1);
            d.y().set(r, 1 - label, 0);
        }
        return d;
    }

    /** Every parameter of {@code actual} within {@code tolerance} of {@code expected}'s. */
    static void assertSameParameters(Model expected, Model actual, double tolerance) {
        List<Parameter> e = expected.network().parameters();
        List<Parameter> a = actual.network().parameters();
        assertEquals(e.size(), a.size());
        for (int i = 0; i < e.size(); i++) {
            assertClose(e.get(i).name(), e.get(i).value().data(), a.get(i).value().data(), tolerance);
        }
    }

    /** The optimizer state of {@code actual} within {@code tolerance} of {@code expected}'s. */
    static void assertSameOptimizerState(Model expected, Model actual, double tolerance) {
        Map<String, Matrix> e = expected.trainer().updater().state();
        Map<String, Matrix> a = actual.trainer().updater().state();
        assertEquals(e.keySet(), a.keySet());
        e.forEach((key, m) -> assertClose(key, m.data(), a.get(key).data(), tolerance));
        assertEquals(expected.trainer().updater().iterations(), actual.trainer().updater().iterations(),
                "optimizer iterations");
    }

    /** Every value of {@code actual} within {@code tolerance} of {@code expected}'s, key by key. */
    static void assertSameHistory(History expected, History actual, double tolerance) {
        assertEquals(expected.asMap().keySet(), actual.asMap().keySet());
        assertEquals(expected.epochs(), actual.epochs());
        expected.asMap().forEach((key, values) -> {
            List<Double> got = actual.get(key);
            for (int i = 0; i < values.size(); i++) {
                assertEquals(values.get(i), got.get(i), tolerance, key + " of epoch " + (i + 1));
            }
        });
    }

    static void assertClose(String what, float[] expected, float[] actual, double tolerance) {
        assertEquals(expected.length, actual.length, what + " size");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance, what + "[" + i + "]");
        }
    }
}
