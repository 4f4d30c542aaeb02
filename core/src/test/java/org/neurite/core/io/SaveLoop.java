package org.neurite.core.io;

import java.nio.file.Path;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.model.Model;

/** Saves a 4 MB model to the file named by its argument again and again until it is killed. */
public final class SaveLoop {
    static final String YAML = ModelFixtures.YAML.replace("units: 4,", "units: 1000,")
            .replace("- {type: dense, units: 2}", "- {type: dense, units: 1000}\n  - {type: dense, units: 2}");

    private SaveLoop() {
    }

    /** Saves forever, printing one line after each save. */
    public static void main(String[] args) {
        Model model = ModelFixtures.ASSEMBLER.assemble(new ConfigReader(ModelFixtures.PLUGINS).parse(YAML, "loop.yaml"));
        Path file = Path.of(args[0]);
        for (int i = 0; ; i++) {
            ModelFiles.save(model, file);
            System.out.println("saved " + i);
            System.out.flush();
        }
    }
}
