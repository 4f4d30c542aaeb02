package org.neurite.layers;

import java.util.LinkedHashMap;
import java.util.Map;
import org.neurite.core.init.Ones;
import org.neurite.core.init.Zeros;
import org.neurite.core.network.Network;
import org.neurite.core.spi.Component;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Initializer;
import org.neurite.core.spi.Layer;
import org.neurite.core.spi.LayerArguments;
import org.neurite.core.spi.LayerType;
import org.neurite.core.tensor.Kernels;
import org.neurite.core.tensor.Matrix;

/** Creating and building single layers for the value tests. */
final class Layers {
    private Layers() {
    }

    /** A layer of {@code type} with the given hyperparameters and arrays, initializers at their defaults. */
    static Layer create(LayerType type, Map<String, ?> hyperparameters, Map<String, Matrix> arrays) {
        Map<String, Component> components = new LinkedHashMap<>();
        for (LayerType.ComponentSlot slot : type.components()) {
            if (slot.defaultName() == null) {
                continue;   // an optional component (a regularizer): none
            }
            Initializer init = switch (slot.defaultName()) {
                case "zeros" -> new Zeros();
                case "ones" -> new Ones();
                default -> throw new IllegalArgumentException(slot.defaultName());
            };
            components.put(slot.key(), init);
        }
        Hyperparameters h = Hyperparameters.resolve(type.name(), type.hyperparameters(), hyperparameters);
        return type.create(new LayerArguments(type.name() + "_1", h, components, arrays));
    }

    /** A network of just {@code layer} for inputs of width {@code width}. */
    static Network network(Layer layer, int width) {
        return Network.builder(width).add(layer).seed(1).kernels(Kernels.portable()).build();
    }
}
