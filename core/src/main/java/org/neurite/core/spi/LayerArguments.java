package org.neurite.core.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.neurite.core.tensor.Matrix;

/**
 * What a {@link LayerType} creates a layer from, already validated against its declarations.
 *
 * @param name            the layer's name, unique in its network
 * @param hyperparameters every declared hyperparameter, given or defaulted
 * @param components      the configured component of each declared slot that has one (an
 *                        optional slot left out is absent)
 * @param arrays          the explicit arrays given, by key
 */
public record LayerArguments(String name, Hyperparameters hyperparameters,
                             Map<String, Component> components, Map<String, Matrix> arrays) {
    public LayerArguments {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
        arrays = Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
    }

    /** The component in slot {@code key}, or {@code null} if none was configured. */
    public <C extends Component> C component(String key, Class<C> type) {
        Component c = components.get(key);
        if (c == null) {
            return null;
        }
        if (!type.isInstance(c)) {
            throw new IllegalArgumentException(name + ": the component '" + key + "' is a "
                    + c.getClass().getName() + ", not a " + type.getSimpleName());
        }
        return type.cast(c);
    }

    /** The explicit array {@code key}, or {@code null} if none was given. */
    public Matrix array(String key) {
        return arrays.get(key);
    }
}
