package org.neurite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.model.Model;

/** The README's realistic configuration reads, assembles and means what the README says. */
class ReadmeConfigurationTest {
    @Test
    void theRealisticConfigurationOfTheReadmeAssembles() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int at = readme.indexOf("A realistic configuration");
        int start = readme.indexOf("```yaml\n", at) + "```yaml\n".length();
        String yaml = readme.substring(start, readme.indexOf("```", start));
        Model model = RegularizedTrainingTest.ASSEMBLER.assemble(
                new ConfigReader(RegularizedTrainingTest.PLUGINS).parse(yaml, "README.md"));
        assertEquals(List.of("accuracy", "weighted_accuracy"), model.metrics());
        assertEquals(Map.of(0, 1.0, 1, 1.0, 2, 4.0), model.config().training().classWeight());
        assertEquals(2, model.config().training().callbacks().size());
        assertEquals("l1_l2", model.config().layers().get(2).component("kernel_regularizer").name());
    }
}
