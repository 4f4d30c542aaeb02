package org.neurite.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.model.Model;
import org.neurite.core.tensor.Matrix;

/**
 * A model file written by the first released format (format 1, before bounded reading,
 * signatures and jar-name metadata) still loads, predicts what it predicted when saved, and
 * keeps its history and optimizer step count. The fixture's metadata records plugin sources as
 * absolute paths, as that writer did.
 */
class ModelFilesCompatibilityTest {
    /** The saved model's predictions on {@link ModelFixtures#data()}, as raw float bits. */
    private static final String PREDICTIONS = "3f3498e7 3e96ce32 3f07aa91 3ef0aadf 3ed2ee0a 3f1688fb 3ead324f "
            + "3f2966d9 3ea29c23 3f2eb1ee 3f01b3df 3efc9842 3f41ea75 3e78562d 3f43e0bb 3e707d14 3f09f86f "
            + "3eec0f22 3ec1a5ae 3f1f2d29";

    @TempDir
    Path dir;

    static Path fixture(Path dir) throws IOException {
        Path file = dir.resolve("main-format1.neurite");
        try (InputStream in = ModelFilesCompatibilityTest.class.getResourceAsStream("/compat/main-format1.neurite")) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void aFileWrittenByFormatOneLoadsAndPredictsAsSaved() throws IOException {
        Model model = Model.load(fixture(dir), ModelFixtures.ASSEMBLER);
        Matrix p = model.predict(ModelFixtures.data().x());
        String[] bits = PREDICTIONS.split(" ");
        assertEquals(bits.length, p.size());
        for (int i = 0; i < bits.length; i++) {
            assertEquals(Integer.parseUnsignedInt(bits[i], 16), Float.floatToRawIntBits(p.data()[i]), "prediction " + i);
        }
        assertEquals(List.of(0.8756983863369129, 0.699272628235436, 0.5594160385796711),
                model.history().asMap().get("loss"));
        assertEquals(9, model.trainer().updater().iterations());
        assertEquals(7, model.seed());
    }

    @Test
    void aFormatOneFileSavedAgainLoadsIdentically() throws IOException {
        Model model = Model.load(fixture(dir), ModelFixtures.ASSEMBLER);
        Path again = dir.resolve("again.neurite");
        ModelFiles.save(model, again);
        ModelFixtures.assertSameState(model, Model.load(again, ModelFixtures.ASSEMBLER));
    }
}
