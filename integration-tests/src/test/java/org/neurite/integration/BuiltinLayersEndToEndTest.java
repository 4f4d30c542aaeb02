package org.neurite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.data.Dataset;
import org.neurite.core.model.Model;
import org.neurite.core.model.ModelAssembler;
import org.neurite.core.network.Network;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.spi.Loss;
import org.neurite.core.spi.Pass;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/**
 * The layer types of {@code neurite-layers} from a configuration, in one network: the softmax
 * layer fuses with categorical cross-entropy, the whole network's gradient in a training pass
 * matches finite differences, training is reproducible, and a saved model (with its moving
 * statistics) predicts as the trained one.
 */
class BuiltinLayersEndToEndTest {
    private static final String CONFIG = """
            input_shape: [4]
            layers:
              - {type: dense, units: 6}
              - {type: batch_normalization, momentum: 0.9}
              - {type: prelu}
              - {type: dropout, rate: 0.25}
              - {type: dense, units: 5}
              - {type: layer_normalization}
              - {type: relu, max_value: 6.0, negative_slope: 0.1}
              - {type: gaussian_noise, stddev: 0.1}
              - {type: elu}
              - {type: leaky_relu}
              - {type: dense, units: 3}
              - {type: softmax}
            loss: categorical_crossentropy
            optimizer: {name: sgd, learning_rate: 0.05}
            metrics: [accuracy]
            training: {epochs: 3, batch_size: 8, seed: 5, verbose: 0}
            """;

    private final Plugins plugins = Plugins.discover();

    @TempDir
    Path dir;

    private Model model() {
        return new ModelAssembler(plugins).assemble(new ConfigReader(plugins).parse(CONFIG, "layers.yaml"));
    }

    private static Dataset data() {
        SplittableRandom random = new SplittableRandom(3);
        Matrix x = new Matrix(40, 4);
        Matrix y = new Matrix(40, 3);
        for (int r = 0; r < 40; r++) {
            for (int c = 0; c < 4; c++) {
                x.set(r, c, (float) random.nextDouble(-1, 1));
            }
            y.set(r, (x.get(r, 0) > 0 ? 1 : 0) + (x.get(r, 1) > 0.3 ? 1 : 0), 1);
        }
        return new Dataset(x, y);
    }

    @Test
    void theSoftmaxLayerFusesAndTheWholeTrainingGradientMatchesFiniteDifferences() {
        Model model = model();
        Network net = model.network();
        Loss loss = model.loss();
        Loss fused = loss.fusedWith(net.outputActivation()).orElseThrow(() -> new AssertionError(
                "categorical cross-entropy must fuse with the softmax layer"));
        Dataset data = data();
        Matrix x = data.x();
        Matrix y = data.y();
        long passSeed = 99;
        net.forward(x, Pass.training(new SplittableRandom(passSeed)));
        Matrix grad = new Matrix(x.rows(), 3);
        fused.gradient(net.logits(), y, grad);
        net.backwardFromLogits(grad);
        double eps = 1e-3;
        int checked = 0;
        for (Parameter p : net.parameters()) {
            float[] w = p.value().data();
            float[] analytic = p.gradient().data().clone();
            for (int i = 0; i < w.length; i++) {
                float saved = w[i];
                w[i] = (float) (saved + eps);
                double plus = loss.loss(net.forward(x, Pass.training(new SplittableRandom(passSeed))), y);
                w[i] = (float) (saved - eps);
                double minus = loss.loss(net.forward(x, Pass.training(new SplittableRandom(passSeed))), y);
                w[i] = saved;
                double numeric = (plus - minus) / (2 * eps);
                double error = Math.abs(numeric - analytic[i]) / Math.max(1e-2, Math.abs(numeric) + Math.abs(analytic[i]));
                assertTrue(error < 2e-2, p.name() + "[" + i + "]: backpropagation " + analytic[i]
                        + ", finite differences " + numeric);
                checked++;
            }
        }
        assertTrue(checked > 60, "every parameter of the network was checked: " + checked);
    }

    @Test
    void trainingIsReproducibleAndASavedModelPredictsAsTheTrainedOne() {
        Model a = model();
        Model b = model();
        Dataset data = data();
        a.fit(data);
        b.fit(data);
        assertEquals(a.predict(data.x()), b.predict(data.x()), "the same seed trains bit-identically with dropout and noise");
        assertEquals(a.history().toString(), b.history().toString());
        Path file = dir.resolve("layers.neurite");
        a.save(file);
        Model loaded = Model.load(file, new ModelAssembler(plugins));
        assertEquals(a.network().state().keySet(), loaded.network().state().keySet());
        assertEquals(a.network().state().get("batch_normalization_1/moving_mean"),
                loaded.network().state().get("batch_normalization_1/moving_mean"));
        assertEquals(a.predict(data.x()), loaded.predict(data.x()), "the loaded model predicts as the trained one");
    }
}
