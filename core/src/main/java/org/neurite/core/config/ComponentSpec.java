package org.neurite.core.config;

import java.util.Map;
import java.util.Objects;

/**
 * A plugin as named in a configuration: its name and its resolved hyperparameters (every
 * declared key, given or defaulted), written back as a plain name when it has none.
 *
 * @param name            the plugin's name, such as {@code sgd}
 * @param hyperparameters every declared hyperparameter with its value, in declaration order
 */
public record ComponentSpec(String name, Map<String, Object> hyperparameters) {
    public ComponentSpec {
        Objects.requireNonNull(name, "name");
        hyperparameters = java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(hyperparameters));
    }

    /** A plugin with no hyperparameters. */
    public static ComponentSpec of(String name) {
        return new ComponentSpec(name, Map.of());
    }
}
