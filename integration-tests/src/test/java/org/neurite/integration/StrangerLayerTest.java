package org.neurite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.config.ConfigException;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.model.Model;
import org.neurite.core.model.ModelAssembler;
import org.neurite.core.network.Network;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.spi.Loss;
import org.neurite.core.spi.Pass;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;
import org.neurite.core.data.Dataset;
import org.neurite.core.train.History;

/**
 * A layer type from a jar nothing in the build knows (an RMS normalization with a trainable
 * scale) is used by name in a configuration: it trains, its gradients are right, and the model
 * saves, loads and predicts as before.
 */
class StrangerLayerTest {
    private static final String CONFIG = """
            input_shape: [2]
            layers:
              - {type: dense, units: 8, activation: tanh}
              - {type: rms_normalization, epsilon: 1.0e-5}
              - {type: dense, units: 2, activation: softmax}
            loss: categorical_crossentropy
            optimizer: {name: sgd, learning_rate: 0.1}
            metrics: [accuracy]
            training: {epochs: 200, seed: 3, verbose: 0}
            """;
    private static final Dataset XOR = new Dataset(Matrix.of(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}),
            Matrix.of(new float[][] {{1, 0}, {0, 1}, {0, 1}, {1, 0}}));

    @TempDir
    Path dir;

    private static Model assemble(Plugins plugins) {
        return new ModelAssembler(plugins).assemble(new ConfigReader(plugins).parse(CONFIG, "stranger.yaml"));
    }

    @Test
    void theStrangersLayerTrainsSavesLoadsAndPredictsTheSame() {
        Plugins plugins = Plugins.discover(StrangerJar.loader());
        assertEquals(StrangerJar.jar().toString(), plugins.layers().source(StrangerJar.LAYER_NAME));
        Model model = assemble(plugins);
        assertEquals(StrangerJar.LAYER_CLASS, plugins.layers().get(StrangerJar.LAYER_NAME).getClass().getName());
        assertEquals("rms_normalization", model.network().layers().get(1).type());
        assertEquals("dense_1/kernel, dense_1/bias, rms_normalization_1/scale, dense_2/kernel, dense_2/bias",
                String.join(", ", model.network().parameters().stream().map(Parameter::name).toList()));

        History h = model.fit(XOR);
        assertTrue(h.last("loss") < 0.75 * h.get("loss").get(0), "it trains: " + h.get("loss"));
        Path file = dir.resolve("stranger.neurite");
        model.save(file);
        Model again = Model.load(file, new ModelAssembler(plugins));
        assertEquals(model.predict(XOR.x()), again.predict(XOR.x()), "bit-identical predictions");
        assertEquals(model.network().arrays().get("rms_normalization_1/scale"),
                again.network().arrays().get("rms_normalization_1/scale"));
    }

    @Test
    void gradientsThroughTheStrangersLayerMatchFiniteDifferences() {
        Plugins plugins = Plugins.discover(StrangerJar.loader());
        Model model = assemble(plugins);
        model.fit(XOR, model.fitOptions().epochs(20).build()); // move the scale away from ones
        Network net = model.network();
        Loss loss = model.loss();
        Matrix x = Matrix.of(new float[][] {{0.3f, -1.2f}, {2.0f, 0.5f}, {-0.7f, 0.1f}});
        Matrix y = Matrix.of(new float[][] {{1, 0}, {0, 1}, {1, 0}});
        Matrix out = net.forward(x, Pass.training(new java.util.SplittableRandom(1)));
        Matrix grad = new Matrix(3, 2);
        loss.gradient(out, y, grad);
        net.backward(grad);
        double eps = 1e-3;
        int checked = 0;
        for (Parameter p : net.parameters()) {
            float[] w = p.value().data();
            float[] analytic = p.gradient().data().clone();
            for (int i = 0; i < w.length; i++) {
                float saved = w[i];
                w[i] = (float) (saved + eps);
                double plus = loss.loss(net.predict(x), y);
                w[i] = (float) (saved - eps);
                double minus = loss.loss(net.predict(x), y);
                w[i] = saved;
                double numeric = (plus - minus) / (2 * eps);
                double error = Math.abs(numeric - analytic[i]) / Math.max(1e-2, Math.abs(numeric) + Math.abs(analytic[i]));
                assertTrue(error < 2e-2, p.name() + "[" + i + "]: numeric " + numeric + " vs analytic " + analytic[i]);
                checked++;
            }
        }
        assertEquals(8 * 2 + 8 + 8 + 8 * 2 + 2, checked, "every parameter, the stranger's scale included");
    }

    @Test
    void withoutTheJarTheLayerTypeIsUnknownAtItsPath() {
        Plugins plugins = Plugins.discover(StrangerLayerTest.class.getClassLoader());
        assertFalse(plugins.layers().contains(StrangerJar.LAYER_NAME));
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigReader(plugins).parse(CONFIG, "stranger.yaml"));
        assertEquals("layers[1].type", e.path());
        assertTrue(e.getMessage().contains("Unknown layer type 'rms_normalization'"), e.getMessage());
        assertTrue(e.getMessage().contains("META-INF/services/org.neurite.core.spi.LayerType"), e.getMessage());
    }

    @Test
    void itsHyperparametersAreCheckedLikeAnyComponents() {
        Plugins plugins = Plugins.discover(StrangerJar.loader());
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigReader(plugins)
                .parse(CONFIG.replace("epsilon: 1.0e-5", "epsilon: -1"), "stranger.yaml"));
        assertEquals("layers[1].epsilon", e.path());
        assertTrue(e.getMessage().contains("it must be > 0"), e.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class, () -> new ConfigReader(plugins)
                .parse(CONFIG.replace("epsilon: 1.0e-5", "epsilom: 1"), "stranger.yaml"));
        assertTrue(unknown.getMessage().contains("Did you mean 'epsilon'?"), unknown.getMessage());
    }
}
