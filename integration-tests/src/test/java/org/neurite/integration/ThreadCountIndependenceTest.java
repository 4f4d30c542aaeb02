package org.neurite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.model.Model;
import org.neurite.core.model.ModelAssembler;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.tensor.Kernels;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.data.Dataset;

/**
 * Training with products large enough to be split across threads gives bit-identical weights
 * and history whatever the thread count: the split never changes how an element is computed.
 */
class ThreadCountIndependenceTest {
    private static final Plugins PLUGINS = Plugins.discover();
    private static final String CONFIG = """
            input_shape: [784]
            layers:
              - {type: dense, units: 256, activation: relu}
              - {type: dense, units: 10, activation: softmax}
            loss: categorical_crossentropy
            optimizer: {name: sgd, learning_rate: 0.1, momentum: 0.9}
            metrics: [accuracy]
            training: {epochs: 2, batch_size: 64, seed: 5, verbose: 0}
            """;

    private static Dataset data() {
        SplittableRandom random = new SplittableRandom(3);
        Matrix x = new Matrix(192, 784);
        Matrix y = new Matrix(192, 10);
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < x.cols(); c++) {
                x.set(r, c, (float) random.nextDouble());
            }
            y.set(r, random.nextInt(10), 1);
        }
        return new Dataset(x, y);
    }

    private static List<Object> train(Kernels kernels) {
        Model model = new ModelAssembler(PLUGINS, kernels).assemble(new ConfigReader(PLUGINS).parse(CONFIG, "t.yaml"));
        model.fit(data());
        List<Object> state = new java.util.ArrayList<>();
        state.add(model.history().asMap());
        model.network().parameters().forEach(p -> state.add(p.value().copy()));
        return state;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void portableKernelsGiveTheSameTrainingWithAnyThreadCount(int threads) {
        Kernels one = Kernels.portable().withThreads(1);
        Kernels many = Kernels.portable().withThreads(threads);
        assertEquals(threads, many.threads());
        List<Object> single = train(one);
        assertTrue(((Matrix) single.get(1)).isFinite());
        assertEquals(single, train(many));
    }
}
