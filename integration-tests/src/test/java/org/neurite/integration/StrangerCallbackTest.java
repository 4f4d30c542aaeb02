package org.neurite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurite.core.config.ConfigException;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.data.Dataset;
import org.neurite.core.model.Model;
import org.neurite.core.model.ModelAssembler;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.train.History;

/**
 * A callback from a jar nothing in the build knows ({@code halve_every}, which halves the
 * learning rate every k epochs) is used by name from {@code training.callbacks}, next to a
 * built-in one, and changes the rate the optimizer steps with.
 */
class StrangerCallbackTest {
    private static final String CONFIG = """
            input_shape: [2]
            layers:
              - {type: dense, units: 4, activation: tanh}
              - {type: dense, units: 2, activation: softmax}
            loss: categorical_crossentropy
            optimizer: {name: sgd, learning_rate: 0.4}
            metrics: [accuracy]
            training: {epochs: 5, seed: 3, verbose: 0, callbacks: [%s]}
            """;
    private static final Dataset XOR = new Dataset(Matrix.of(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}),
            Matrix.of(new float[][] {{1, 0}, {0, 1}, {0, 1}, {1, 0}}));

    @Test
    void theStrangersCallbackIsFoundByNameAndSetsTheLearningRate() {
        Plugins plugins = Plugins.discover(StrangerJar.loader());
        assertEquals(StrangerJar.jar().toString(), plugins.catalog(org.neurite.core.plugin.PluginKind.CALLBACK)
                .source(StrangerJar.CALLBACK_NAME));
        Model model = new ModelAssembler(plugins).assemble(new ConfigReader(plugins).parse(
                String.format(CONFIG, "{name: halve_every, epochs: 2}, terminate_on_nan"), "stranger.yaml"));
        History h = model.fit(XOR);
        double f = 0.4f;
        // Logged at each epoch's end before the callback halves it (after epochs 2 and 4).
        assertEquals(List.of(f, f, f / 2, f / 2, f / 4), h.get("learning_rate"));
        assertEquals(0.1, model.trainer().updater().learningRate(), 1e-15, "0.4 halved twice");

        ConfigException unknown = assertThrows(ConfigException.class, () -> new ConfigReader(Plugins.discover())
                .parse(String.format(CONFIG, "halve_every"), "stranger.yaml"));
        assertEquals("training.callbacks[0]", unknown.path());
        assertTrue(unknown.getMessage().contains("Unknown callback 'halve_every'"), unknown.getMessage());
    }
}
