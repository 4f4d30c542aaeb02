package org.neurite.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.spi.Loss;
import org.neurite.core.tensor.Matrix;

/**
 * {@code neurite-core} and {@code neurite-losses} alone are a working library: this module's
 * test class path has neither the activations nor the optimizers module, nor Guice.
 */
class StandaloneUseTest {

    @Test
    void theOtherModulesAndGuiceAreNotOnTheClassPath() {
        for (String absent : new String[] {"org.neurite.activations.Relu", "org.neurite.optimizers.Sgd",
                "org.neurite.guice.NeuriteModule", "com.google.inject.Guice"}) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(absent), absent);
        }
    }

    @Test
    void coreAndLossesComputeALossByName() {
        Plugins plugins = Plugins.discover();
        assertTrue(plugins.activations().names().isEmpty(), plugins.activations().names().toString());
        assertTrue(plugins.optimizers().names().isEmpty(), plugins.optimizers().names().toString());
        Loss mse = plugins.losses().create("mean_squared_error", Map.of());
        Matrix p = Matrix.of(new float[][] {{1, 2}, {3, 4}});
        Matrix t = Matrix.of(new float[][] {{1, 0}, {3, 6}});
        // Keras: mean over columns, then over the batch: ((0 + 4) / 2 + (0 + 4) / 2) / 2.
        assertEquals(2.0, mse.loss(p, t), 1e-12);
    }
}
