package org.neurite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.config.ConfigException;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.config.ConfigWriter;
import org.neurite.core.config.ModelConfig;
import org.neurite.core.model.Model;
import org.neurite.core.optimizer.ScheduledOptimizer;
import org.neurite.core.tensor.Parameter;

/**
 * {@code learning_rate} as a schedule component in a configuration: it is read, written back,
 * saved in model files, and a model loaded mid-run continues the schedule bit-identically.
 */
class ScheduleConfigurationTest {
    private static final String YAML = OptimizerStateCompatibilityTest.yaml("""
            {name: adam, clipnorm: 1.0, learning_rate: {name: cosine_decay, initial_learning_rate: 0.0,
                          decay_steps: 20, warmup_target: 0.05, warmup_steps: 6}}""");

    @TempDir
    Path dir;

    private static Model model() {
        return OptimizerStateCompatibilityTest.ASSEMBLER.assemble(
                new ConfigReader(OptimizerStateCompatibilityTest.PLUGINS).parse(YAML, "schedule.yaml"));
    }

    @Test
    void aScheduleInTheConfigurationDrivesTheOptimizersLearningRate() {
        Model model = model();
        ScheduledOptimizer optimizer = assertInstanceOf(ScheduledOptimizer.class, model.optimizer());
        assertEquals("adam", optimizer.name());
        assertEquals("cosine_decay", optimizer.schedule().name());
        assertEquals(0.05 / 2, optimizer.settings().learningRate(3), 1e-15);
        assertEquals(1.0, optimizer.settings().clipnorm());
    }

    @Test
    void theConfigurationIsWrittenBackWithTheNestedSchedule() {
        ModelConfig config = model().config();
        String json = ConfigWriter.toJson(config);
        assertTrue(json.contains("\"learning_rate\":{\"name\":\"cosine_decay\"")
                || json.contains("\"learning_rate\" : {"), json);
        ModelConfig again = new ConfigReader(OptimizerStateCompatibilityTest.PLUGINS).parse(json, "again.json");
        assertEquals(config.optimizer(), again.optimizer());
    }

    @Test
    void aModelLoadedMidRunContinuesTheScheduleBitIdentically() {
        Model straight = model();
        straight.fit(OptimizerStateCompatibilityTest.data(), straight.fitOptions().epochs(6).build());

        Model first = model();
        first.fit(OptimizerStateCompatibilityTest.data(), first.fitOptions().epochs(2).build());
        Path file = dir.resolve("mid.neurite");
        first.save(file);
        Model resumed = Model.load(file, OptimizerStateCompatibilityTest.ASSEMBLER);
        assertInstanceOf(ScheduledOptimizer.class, resumed.optimizer());
        resumed.fit(OptimizerStateCompatibilityTest.data(), resumed.fitOptions().epochs(4).build());

        for (int i = 0; i < straight.network().parameters().size(); i++) {
            Parameter e = straight.network().parameters().get(i);
            Parameter a = resumed.network().parameters().get(i);
            for (int j = 0; j < e.value().size(); j++) {
                assertEquals(Float.floatToRawIntBits(e.value().data()[j]), Float.floatToRawIntBits(a.value().data()[j]),
                        e.name() + "[" + j + "]");
            }
        }
        assertEquals(24, resumed.trainer().updater().iterations());
    }

    @Test
    void anUnknownScheduleIsAConfigErrorWithThePathAndTheNames() {
        String yaml = OptimizerStateCompatibilityTest.yaml("{name: sgd, learning_rate: {name: cosine}}");
        var e = assertThrows(ConfigException.class,
                () -> new ConfigReader(OptimizerStateCompatibilityTest.PLUGINS).parse(yaml, "bad.yaml"));
        assertTrue(e.getMessage().contains("optimizer.learning_rate"), e.getMessage());
        assertTrue(e.getMessage().contains("Unknown learning-rate schedule 'cosine'"), e.getMessage());
        assertTrue(e.getMessage().contains("cosine_decay, cosine_decay_restarts"), e.getMessage());
    }

    @Test
    void aPiecewiseScheduleIsReadFromListsWrittenBackAndItsBadListsNameThePath() {
        String yaml = OptimizerStateCompatibilityTest.yaml("{name: sgd, learning_rate: {name: piecewise_constant_decay, "
                + "boundaries: [4, 8], values: [0.1, 0.05, 0.01]}}");
        ConfigReader reader = new ConfigReader(OptimizerStateCompatibilityTest.PLUGINS);
        ModelConfig config = reader.parse(yaml, "piecewise.yaml");
        ScheduledOptimizer optimizer = assertInstanceOf(ScheduledOptimizer.class,
                OptimizerStateCompatibilityTest.ASSEMBLER.assemble(config).optimizer());
        assertEquals(0.1, optimizer.settings().learningRate(4));
        assertEquals(0.05, optimizer.settings().learningRate(5));
        assertEquals(0.01, optimizer.settings().learningRate(9));
        String json = ConfigWriter.toJson(config);
        assertTrue(json.replaceAll("\\s", "").contains("\"boundaries\":[4,8],\"values\":[0.1,0.05,0.01]"), json);
        assertEquals(config.optimizer(), reader.parse(json, "again.json").optimizer());

        var length = assertThrows(ConfigException.class, () -> reader.parse(yaml.replace("0.05, ", ""), "bad.yaml"));
        assertEquals("optimizer.learning_rate.values", length.path());
        assertTrue(length.getMessage().contains("so values needs 3"), length.getMessage());
        var nested = assertThrows(ConfigException.class, () -> reader.parse(yaml.replace("[4, 8]", "[4, [8]]"),
                "bad.yaml"));
        assertEquals("optimizer.learning_rate.boundaries[1]", nested.path());
        var text = assertThrows(ConfigException.class, () -> reader.parse(yaml.replace("[4, 8]", "[4, x]"),
                "bad.yaml"));
        assertEquals("optimizer.learning_rate.boundaries", text.path());
        assertTrue(text.getMessage().contains("boundaries[1] = 'x' is not an integer"), text.getMessage());
    }
}
