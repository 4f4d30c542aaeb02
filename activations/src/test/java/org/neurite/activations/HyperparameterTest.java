package org.neurite.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurite.core.plugin.PluginCatalog;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.HyperparameterException;

/** leaky_relu and elu take {@code alpha}, hard_sigmoid {@code slope} and {@code offset}; the others take nothing. */
class HyperparameterTest {
    private static final PluginCatalog<Activation> CATALOG = Plugins.discover().activations();

    @Test
    void leakyReluCreatedThroughTheCatalogUsesTheGivenAlpha() {
        Activation leaky = CATALOG.create("leaky_relu", Map.of("alpha", 0.1));
        assertEquals(new LeakyRelu(0.1), leaky);
        assertEquals(0.1, ((LeakyRelu) leaky).alpha());
        assertEquals(new LeakyRelu(), CATALOG.get("leaky_relu"), "the shared instance keeps the default");
    }

    @Test
    void eluCreatedThroughTheCatalogUsesTheGivenAlpha() {
        assertEquals(new Elu(0.5), CATALOG.create("elu", Map.of("alpha", 0.5)));
        assertEquals(1.0, ((Elu) CATALOG.get("elu")).alpha());
    }

    @Test
    void hardSigmoidCreatedThroughTheCatalogTakesSlopeAndOffset() {
        assertEquals(new HardSigmoid(0.2, 0.5), CATALOG.create("hard_sigmoid", Map.of("slope", 0.2)));
        assertEquals(new HardSigmoid(1.0 / 6, 0.5), CATALOG.get("hard_sigmoid"), "Keras 3's definition by default");
        assertEquals("activation 'hard_sigmoid': slope = -1.0 is out of range: it must be ≥ 0. accepted:"
                + " slope (number ≥ 0, default 0.16666666666666666), offset (number, default 0.5).",
                assertThrows(HyperparameterException.class, () -> new HardSigmoid(-1, 0.5)).getMessage());
    }

    @Test
    void aNegativeLeakyReluSlopeIsRejectedWithTheRange() {
        HyperparameterException e = assertThrows(HyperparameterException.class,
                () -> CATALOG.create("leaky_relu", Map.of("alpha", -0.1)));
        assertEquals("activation 'leaky_relu': alpha = -0.1 is out of range: it must be ≥ 0."
                + " accepted: alpha (number ≥ 0, default 0.3).", e.getMessage());
    }

    @Test
    void theConstructorsValidateAsTheCatalogDoes() {
        HyperparameterException e = assertThrows(HyperparameterException.class, () -> new LeakyRelu(-1));
        assertEquals("alpha", e.key());
        assertEquals("activation 'elu': alpha = NaN is not finite. accepted: alpha (number, default 1).",
                assertThrows(HyperparameterException.class, () -> new Elu(Double.NaN)).getMessage());
    }

    @Test
    void aTextAlphaIsRejectedAsNotANumber() {
        HyperparameterException e = assertThrows(HyperparameterException.class,
                () -> CATALOG.create("elu", Map.of("alpha", "big")));
        assertEquals("activation 'elu': alpha = 'big' is not a number. accepted: alpha (number,"
                + " default 1).", e.getMessage());
    }

    @Test
    void activationsWithoutHyperparametersRejectAnyKey() {
        HyperparameterException e = assertThrows(HyperparameterException.class,
                () -> CATALOG.create("relu", Map.of("alpha", 0.1)));
        assertEquals("activation 'relu' has no hyperparameter 'alpha'; it takes no hyperparameters.",
                e.getMessage());
    }

    @Test
    void configuredInstancesAreValuesNamedByTheirAlpha() {
        assertEquals(new LeakyRelu(0.3), new LeakyRelu());
        assertNotEquals(new LeakyRelu(0.2), new LeakyRelu());
        assertEquals("leaky_relu(alpha=0.3)", new LeakyRelu().toString());
        assertEquals("elu(alpha=1.0)", new Elu().toString());
    }
}
