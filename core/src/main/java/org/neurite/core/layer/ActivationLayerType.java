package org.neurite.core.layer;

import java.util.List;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.Layer;
import org.neurite.core.spi.LayerArguments;
import org.neurite.core.spi.LayerType;

/** The {@code activation} layer type: {@code {type: activation, activation: softmax}}. */
public final class ActivationLayerType implements LayerType {
    /** The registry name. */
    public static final String NAME = "activation";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ComponentSlot> components() {
        return List.of(ComponentSlot.required("activation", Activation.class));
    }

    @Override
    public Layer create(LayerArguments a) {
        return new ActivationLayer(a.name(), a.component("activation", Activation.class));
    }
}
