package org.neurite.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.tensor.Matrix;

class ConfigReaderTest {
    private static final Plugins PLUGINS = Plugins.discover();
    private static final String VALID = """
            input_shape: [2]
            layers:
              - {type: dense, units: 3, activation: test_tanh}
              - {type: dense, units: 2}
              - {type: activation, activation: test_softmax}
            loss: test_crossentropy
            optimizer: {name: test_sgd, learning_rate: 0.1}
            metrics: [accuracy]
            training: {epochs: 5, batch_size: 4, shuffle: false, seed: 7, verbose: 0}
            """;

    private final ConfigReader reader = new ConfigReader(PLUGINS);

    private ConfigException error(String yaml) {
        return assertThrows(ConfigException.class, () -> reader.parse(yaml, "net.yaml"));
    }

    @Test
    void readsTheDocumentedSchemaWithKerasDefaults() {
        ModelConfig c = reader.parse(VALID, "net.yaml");
        assertEquals(2, c.inputSize());
        assertEquals(3, c.layers().size());
        LayerSpec first = c.layers().get(0);
        assertEquals("dense", first.type());
        assertEquals("dense_1", first.name());
        assertEquals("test_tanh", first.component("activation").name());
        assertEquals("glorot_uniform", first.component("kernel_initializer").name());
        assertEquals("zeros", first.component("bias_initializer").name());
        assertTrue(first.hyperparameters().bool("use_bias"));
        assertNull(c.layers().get(1).component("activation"));
        assertEquals("activation_1", c.layers().get(2).name());
        assertEquals(0.1, c.optimizer().hyperparameters().asMap().get("learning_rate"));
        assertEquals(0.0, c.optimizer().hyperparameters().asMap().get("momentum"), "defaults are filled in");
        assertEquals(new TrainingSpec(5, 4, false, 7L, 0, 0.0, null), c.training());
    }

    @Test
    void commandLineOverridesReplaceOnlyWhatIsGiven() {
        TrainingSpec t = reader.parse(VALID, "net.yaml").training();
        assertEquals(t, t.overriddenBy(null, null, null));
        assertEquals(new TrainingSpec(9, 4, false, 7L, 2, 0.0, null), t.overriddenBy(9, null, 2));
        assertEquals(new TrainingSpec(5, 4, false, 11L, 0, 0.0, null), t.overriddenBy(null, 11L, null));
    }

    @Test
    void jsonAndYamlGiveTheSameConfiguration() {
        ModelConfig yaml = reader.parse(VALID, "net.yaml");
        ModelConfig json = reader.parse(ConfigWriter.toJson(yaml), "net.json");
        assertEquals(ConfigWriter.toTree(yaml), ConfigWriter.toTree(json));
    }

    @Test
    void writtenConfigurationReadsBackEqual() {
        String withWeights = VALID.replace("{type: dense, units: 2}",
                "{type: dense, units: 2, weights: [[0.1, -0.2], [0.3, 0.4], [0.5, 0.6]], bias: [0.01, -0.02]}");
        ModelConfig c = reader.parse(withWeights, "net.yaml");
        ModelConfig again = reader.parse(ConfigWriter.toYaml(c), "again.yaml");
        assertEquals(ConfigWriter.toTree(c), ConfigWriter.toTree(again));
        assertEquals(Matrix.of(new float[][] {{0.1f, -0.2f}, {0.3f, 0.4f}, {0.5f, 0.6f}}),
                again.layers().get(1).array("weights"));
    }

    @Test
    void unknownActivationNamesThePathAndTheClosestMatch() {
        ConfigException e = error(VALID.replace("activation: test_tanh", "activation: test_tahn"));
        assertEquals("layers[0].activation", e.path());
        assertTrue(e.getMessage().startsWith("net.yaml: layers[0].activation: Unknown activation 'test_tahn'."),
                e.getMessage());
        assertTrue(e.getMessage().contains("Did you mean 'test_tanh'?"), e.getMessage());
        assertTrue(e.getMessage().contains("Available: test_softmax, test_tanh."), e.getMessage());
        assertTrue(e.getMessage().contains("META-INF/services/org.neurite.core.spi.Activation"), e.getMessage());
    }

    @Test
    void unknownKeyListsTheAcceptedKeys() {
        ConfigException e = error(VALID.replace("units: 3,", "unitz: 3, units: 3,"));
        assertEquals("layers[0].unitz", e.path());
        assertTrue(e.detail().contains("unknown key 'unitz'. Did you mean 'units'?"), e.detail());
        assertTrue(e.detail().contains("activation, activity_regularizer, bias, bias_initializer, bias_regularizer, "
                + "kernel_initializer, kernel_regularizer, name, type, units, use_bias, weights"), e.detail());
    }

    @Test
    void wrongTypeSaysWhatWasExpectedAndFound() {
        ConfigException e = error(VALID.replace("units: 3", "units: three"));
        assertEquals("net.yaml: layers[0].units: layer 'dense_1' (dense): units = 'three' is not an integer. "
                + "accepted: units (integer ≥ 1, required), use_bias (boolean, default true).",
                e.getMessage());
    }

    @Test
    void missingRequiredFieldIsNamed() {
        ConfigException e = error(VALID.replace("loss: test_crossentropy\n", ""));
        assertEquals("net.yaml: loss: missing; required: a loss, such as categorical_crossentropy", e.getMessage());
    }

    @Test
    void nonPositiveUnitsEpochsAndBatchSizeAreRefused() {
        assertEquals("layers[1].units: layer 'dense_2' (dense): units = 0 is out of range: it must be ≥ 1. "
                + "accepted: units (integer ≥ 1, required), use_bias (boolean, default true).",
                pathAndDetail(error(VALID.replace("units: 2", "units: 0"))));
        assertEquals("training.epochs: the number of epochs must be at least 1, got 0",
                pathAndDetail(error(VALID.replace("epochs: 5", "epochs: 0"))));
        assertEquals("training.batch_size: the batch size must be at least 1, got -3",
                pathAndDetail(error(VALID.replace("batch_size: 4", "batch_size: -3"))));
    }

    @Test
    void explicitWeightsOfTheWrongShapeAreRefused() {
        ConfigException rows = error(VALID.replace("{type: dense, units: 2}",
                "{type: dense, units: 2, weights: [[0.1, 0.2], [0.3, 0.4]]}"));
        assertEquals("layers[1].weights: dense_2: the explicit weights have 2 rows but this layer needs 3×2 "
                + "(inputs×units) for inputs of width 3",
                pathAndDetail(rows));
        ConfigException cols = error(VALID.replace("{type: dense, units: 2}",
                "{type: dense, units: 2, weights: [[0.1], [0.3], [0.5]]}"));
        assertEquals("layers[1].weights: dense_2: the explicit weights are 3×1 but the layer has 2 units "
                + "(inputs×units)", pathAndDetail(cols));
        ConfigException ragged = error(VALID.replace("{type: dense, units: 2}",
                "{type: dense, units: 2, weights: [[0.1, 0.2], [0.3], [0.5, 0.6]]}"));
        assertEquals("layers[1].weights[1]: this row has 1 values but the first has 2 (inputs×units)",
                pathAndDetail(ragged));
        ConfigException bias = error(VALID.replace("{type: dense, units: 2}", "{type: dense, units: 2, bias: [1]}"));
        assertEquals("layers[1].bias: dense_2: the explicit bias has 1 values but the layer has 2 units",
                pathAndDetail(bias));
    }

    @Test
    void outOfRangeHyperparameterListsAcceptedKeysWithDefaults() {
        ConfigException e = error(VALID.replace("learning_rate: 0.1", "learning_rate: 0.1, momentum: 1.5"));
        assertEquals("optimizer.momentum", e.path());
        assertTrue(e.detail().contains("momentum = 1.5 is out of range: it must be in [0, 1]"), e.detail());
        assertTrue(e.detail().contains("accepted: learning_rate (number > 0, default 0.01), "
                + "momentum (number in [0, 1], default 0)"), e.detail());
    }

    @Test
    void unknownHyperparameterIsRefused() {
        ConfigException e = error(VALID.replace("learning_rate: 0.1", "learning_rat: 0.1"));
        assertEquals("optimizer.learning_rat", e.path());
        assertTrue(e.detail().startsWith("optimizer 'test_sgd' has no hyperparameter 'learning_rat'"), e.detail());
    }

    @Test
    void hyperparameterOfTheWrongTypeIsRefused() {
        ConfigException e = error(VALID.replace("learning_rate: 0.1", "learning_rate: fast"));
        assertEquals("optimizer.learning_rate", e.path());
        assertTrue(e.detail().contains("learning_rate = 'fast' is not a number"), e.detail());
    }

    @Test
    void yamlSyntaxErrorGivesLineAndColumn() {
        ConfigException e = error("input_shape: [2]\nlayers:\n  - {type: dense, units: 3\n");
        assertTrue(e.getMessage().startsWith("net.yaml: line "), e.getMessage());
        assertTrue(e.getMessage().contains("column"), e.getMessage());
        assertTrue(e.getMessage().contains("invalid YAML"), e.getMessage());
    }

    @Test
    void jsonSyntaxErrorGivesLineAndColumn() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> reader.parse("{\n  \"input_shape\": [2],\n  \"layers\": [,]\n}", "net.json"));
        assertTrue(e.getMessage().startsWith("net.json: line 3, column "), e.getMessage());
    }

    @Test
    void unknownLayerTypeAndMetricAreRefused() {
        assertEquals("layers[2].type: Unknown layer type 'activaton'. Did you mean 'activation'? "
                + "Available: activation, dense. A plugin jar on the class path that lists its class in "
                + "META-INF/services/org.neurite.core.spi.LayerType provides new names.",
                pathAndDetail(error(VALID.replace("type: activation", "type: activaton"))));
        assertTrue(pathAndDetail(error(VALID.replace("[accuracy]", "[acuracy]")))
                .startsWith("metrics[0]: Unknown metric 'acuracy'. Did you mean 'accuracy'?"));
    }

    @Test
    void duplicateLayerNamesAreRefused() {
        ConfigException e = error(VALID.replace("{type: dense, units: 2}", "{type: dense, units: 2, name: dense_1}"));
        assertEquals("layers[1].name: a layer named 'dense_1' already exists; layer names must be unique",
                pathAndDetail(e));
    }

    private static String pathAndDetail(ConfigException e) {
        return e.path() + ": " + e.detail();
    }
}
