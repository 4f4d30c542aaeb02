package org.neurite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.data.Dataset;
import org.neurite.core.model.Model;
import org.neurite.core.model.ModelAssembler;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/**
 * Model files written before the optimizer contract moved the step count, the learning rate and
 * the slots into core still load and resume bit-identically. For each built-in optimizer of that
 * version (with every option that has state: momentum, Nesterov, legacy decay, AMSGrad, centered
 * RMSprop), {@code <name>-before.neurite} was saved after 3 epochs (12 steps), and {@code
 * <name>-after.neurite} after 3 more epochs of the same uninterrupted run, both by that version.
 * Loading the first and training 3 epochs must give exactly the parameters, optimizer slots and
 * step count of the second.
 */
class OptimizerStateCompatibilityTest {
    static final Plugins PLUGINS = Plugins.discover();
    static final ModelAssembler ASSEMBLER = new ModelAssembler(PLUGINS);

    /** The configurations the fixtures were made from, by fixture name. */
    static final Map<String, String> OPTIMIZERS = Map.of(
            "sgd", "{name: sgd, learning_rate: 0.1, momentum: 0.9, nesterov: true, decay: 0.05}",
            "adam", "{name: adam, learning_rate: 0.01, amsgrad: true}",
            "rmsprop", "{name: rmsprop, learning_rate: 0.01, momentum: 0.5, centered: true}",
            "adagrad", "{name: adagrad, learning_rate: 0.1}");

    @TempDir
    Path dir;

    static String yaml(String optimizer) {
        return """
                input_shape: [2]
                layers:
                  - {type: dense, units: 4, activation: tanh}
                  - {type: dense, units: 2, activation: softmax}
                loss: categorical_crossentropy
                optimizer: %s
                metrics: [accuracy]
                training: {epochs: 3, batch_size: 3, shuffle: true, seed: 11, verbose: 0}
                """.formatted(optimizer);
    }

    /** Ten samples of a noisy two-class problem, one-hot targets. */
    static Dataset data() {
        int n = 10;
        Matrix x = new Matrix(n, 2);
        Matrix y = new Matrix(n, 2);
        for (int i = 0; i < n; i++) {
            float a = (float) Math.sin(1.7 * i);
            float b = (float) Math.cos(0.9 * i + 0.3);
            x.set(i, 0, a);
            x.set(i, 1, b);
            y.set(i, a * b > 0 ? 1 : 0, 1);
        }
        return new Dataset(x, y);
    }

    private Path fixture(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/optimizer-state/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "adam", "rmsprop", "adagrad"})
    void aFileFromThePreviousContractResumesBitIdentically(String optimizer) throws IOException {
        Model resumed = Model.load(fixture(optimizer + "-before.neurite"), ASSEMBLER);
        Model expected = Model.load(fixture(optimizer + "-after.neurite"), ASSEMBLER);
        assertEquals(12, resumed.trainer().updater().iterations());
        resumed.fit(data(), resumed.fitOptions().epochs(3).build());
        assertEquals(24, expected.trainer().updater().iterations());
        for (int i = 0; i < expected.network().parameters().size(); i++) {
            Parameter e = expected.network().parameters().get(i);
            Parameter a = resumed.network().parameters().get(i);
            assertEquals(e.name(), a.name());
            assertBits(e.value(), a.value(), e.name());
        }
        Map<String, Matrix> es = expected.trainer().updater().state();
        Map<String, Matrix> as = resumed.trainer().updater().state();
        assertEquals(es.keySet(), as.keySet());
        es.forEach((k, m) -> assertBits(m, as.get(k), k));
        assertEquals(24, resumed.trainer().updater().iterations());
    }

    private static void assertBits(Matrix expected, Matrix actual, String what) {
        assertEquals(expected.shape(), actual.shape(), what);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(Float.floatToRawIntBits(expected.data()[i]), Float.floatToRawIntBits(actual.data()[i]),
                    what + "[" + i + "]");
        }
    }

    /** Writes the fixtures; run once, with the version whose files they stand for. */
    static void write(Path dir) {
        OPTIMIZERS.forEach((name, optimizer) -> {
            Model model = ASSEMBLER.assemble(new ConfigReader(PLUGINS).parse(yaml(optimizer), name + ".yaml"));
            model.fit(data(), model.fitOptions().epochs(3).build());
            model.save(dir.resolve(name + "-before.neurite"));
            model.fit(data(), model.fitOptions().epochs(3).build());
            model.save(dir.resolve(name + "-after.neurite"));
        });
    }
}
