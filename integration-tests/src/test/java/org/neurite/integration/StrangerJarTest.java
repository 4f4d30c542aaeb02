package org.neurite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import org.junit.jupiter.api.Test;
import org.neurite.core.config.ConfigException;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.model.Model;
import org.neurite.core.model.ModelAssembler;
import org.neurite.core.plugin.PluginException;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.data.Dataset;
import org.neurite.core.train.FitOptions;
import org.neurite.core.train.History;
import org.neurite.guice.NeuriteModule;

/** A plugin from a jar the platform has never seen is discovered and usable by name. */
class StrangerJarTest {
    private static final String CONFIG = """
            input_shape: [2]
            layers:
              - {type: dense, units: 8, activation: cube}
              - {type: dense, units: 2, activation: softmax}
            loss: categorical_crossentropy
            optimizer: {name: sgd, learning_rate: 0.1}
            metrics: [accuracy]
            training: {epochs: 50, seed: 3, verbose: 0}
            """;

    @Test
    void theStrangersActivationIsDiscoveredWithItsJar() {
        Plugins plugins = Plugins.discover(StrangerJar.loader());
        assertTrue(plugins.activations().contains(StrangerJar.NAME));
        assertEquals(StrangerJar.jar().toString(), plugins.activations().source(StrangerJar.NAME));
        assertEquals(StrangerJar.CLASS, plugins.activations().get(StrangerJar.NAME).getClass().getName());
        assertTrue(plugins.activations().contains("relu"), "the built-in plugins are still there");
    }

    @Test
    void aConfigurationUsesItByNameThroughTheGuiceModule() {
        Injector injector = Guice.createInjector(NeuriteModule.discover(StrangerJar.loader()));
        Model model = injector.getInstance(ModelAssembler.class)
                .assemble(injector.getInstance(ConfigReader.class).parse(CONFIG, "stranger.yaml"));
        assertEquals(StrangerJar.CLASS, model.network().layers().get(0).activation().getClass().getName());
        Dataset xor = new Dataset(Matrix.of(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}),
                Matrix.of(new float[][] {{1, 0}, {0, 1}, {0, 1}, {1, 0}}));
        History h = model.fit(xor, model.fitOptions().build());
        assertTrue(h.last("loss") < h.get("loss").get(0), "it trains: " + h.get("loss"));
        assertTrue(model.plugins().stream().anyMatch(u -> u.name().equals(StrangerJar.NAME)
                && u.source().equals(StrangerJar.jar().toString())), model.plugins().toString());
    }

    @Test
    void withoutTheJarTheNameIsUnknownAndTheMessageSaysAJarProvidesNames() {
        Plugins plugins = Plugins.discover(StrangerJarTest.class.getClassLoader());
        assertFalse(plugins.activations().contains(StrangerJar.NAME));
        PluginException e = assertThrows(PluginException.class, () -> plugins.activations().get(StrangerJar.NAME));
        assertTrue(e.getMessage().startsWith("Unknown activation 'cube'. "), e.getMessage());
        assertTrue(e.getMessage().contains("A plugin jar on the class path"), e.getMessage());
        ConfigException c = assertThrows(ConfigException.class,
                () -> new ConfigReader(plugins).parse(CONFIG, "stranger.yaml"));
        assertEquals("layers[0].activation", c.path());
    }
}
