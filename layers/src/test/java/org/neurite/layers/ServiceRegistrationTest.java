package org.neurite.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.spi.LayerType;

/** Every layer type of the module is registered under its Keras name, next to core's two. */
class ServiceRegistrationTest {
    @Test
    void everyLayerTypeIsFoundByName() {
        Set<String> names = new TreeSet<>();
        ServiceLoader.load(LayerType.class).forEach(t -> names.add(t.name()));
        assertEquals(new TreeSet<>(Set.of("activation", "dense", "dropout", "gaussian_noise", "batch_normalization",
                "layer_normalization", "relu", "leaky_relu", "elu", "prelu", "softmax")), names);
        assertEquals(names, new TreeSet<>(Plugins.discover().layers().names()));
    }
}
