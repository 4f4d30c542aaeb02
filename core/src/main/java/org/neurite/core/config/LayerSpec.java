package org.neurite.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.neurite.core.plugin.PluginKind;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.spi.Component;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Layer;
import org.neurite.core.spi.LayerArguments;
import org.neurite.core.spi.LayerType;
import org.neurite.core.tensor.Matrix;

/**
 * One entry of a configuration's {@code layers} list, validated against its {@link LayerType}:
 * {@code {type: dense, name: dense_1, units: 8, activation: relu, ...}}.
 *
 * @param type            the layer type's name, such as {@code dense}
 * @param name            the layer's name, unique in the network ({@code <type>_<k>} unless given)
 * @param hyperparameters the layer's validated hyperparameters
 * @param components      the nested components by key, in the type's declaration order (an
 *                        optional component left out is absent)
 * @param arrays          the explicit arrays given, by key
 */
public record LayerSpec(String type, String name, Hyperparameters hyperparameters,
                        Map<String, ComponentSpec> components, Map<String, Matrix> arrays) {
    public LayerSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
        arrays = Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
    }

    /** The component configured under {@code key}, or {@code null}. */
    public ComponentSpec component(String key) {
        return components.get(key);
    }

    /** The explicit array given under {@code key}, or {@code null}. */
    public Matrix array(String key) {
        return arrays.get(key);
    }

    /**
     * A new, unbuilt layer for this entry, its type and components taken from {@code plugins}.
     *
     * @throws org.neurite.core.plugin.PluginException if a plugin it names is missing
     */
    public Layer create(Plugins plugins) {
        LayerType layerType = plugins.layers().get(type);
        Map<String, Component> instances = new LinkedHashMap<>();
        for (LayerType.ComponentSlot slot : layerType.components()) {
            ComponentSpec spec = components.get(slot.key());
            if (spec != null) {
                instances.put(slot.key(), plugins.catalog(kindOf(slot.type())).configure(spec.name(),
                        spec.hyperparameters()));
            }
        }
        return layerType.create(new LayerArguments(name, hyperparameters, instances, arrays));
    }

    /** The plugin kind whose service interface is {@code type}. */
    @SuppressWarnings("unchecked")
    public static <T extends Component> PluginKind<T> kindOf(Class<T> type) {
        for (PluginKind<?> kind : PluginKind.ALL) {
            if (kind.type() == type) {
                return (PluginKind<T>) kind;
            }
        }
        throw new IllegalArgumentException(type.getName() + " is not a plugin kind's service interface; "
                + "components of a layer are one of " + PluginKind.ALL);
    }
}
