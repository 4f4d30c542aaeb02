package org.neurite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.model.Model;
import org.neurite.core.model.ModelAssembler;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.data.Dataset;

/** A bad sparse label is reported by its row in the data set, not its row in a shuffled batch. */
class BadTargetsTest {
    private static final Plugins PLUGINS = Plugins.discover();
    private static final String CONFIG = """
            input_shape: [2]
            layers:
              - {type: dense, units: 3, activation: softmax}
            loss: sparse_categorical_crossentropy
            optimizer: sgd
            training: {epochs: 2, batch_size: 2, shuffle: true, seed: 1, verbose: 0}
            """;

    @Test
    void aSparseLabelOutOfRangeNamesItsDataSetRowBeforeAnyTraining() {
        Model model = new ModelAssembler(PLUGINS).assemble(new ConfigReader(PLUGINS).parse(CONFIG, "sparse.yaml"));
        Dataset data = new Dataset(Matrix.of(new float[][] {{0, 1}, {1, 0}, {1, 1}, {0, 0}}),
                Matrix.of(new float[][] {{0}, {2}, {3}, {1}}));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.fit(data));

        assertEquals("the training data's targets do not fit the loss: sparse_categorical_crossentropy: data set "
                + "row 2 holds 3, which is not a class index: labels must be whole numbers in [0, 2] for 3 output "
                + "columns.", e.getMessage());
        assertEquals(0, model.trainer().updater().iterations());
        IllegalArgumentException evaluate = assertThrows(IllegalArgumentException.class, () -> model.evaluate(data));
        assertEquals(e.getMessage().replace("training data", "evaluation data"), evaluate.getMessage());
    }
}
