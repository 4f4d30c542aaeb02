package org.neurite.core.config;

import java.util.Map;
import java.util.Objects;
import org.neurite.core.spi.Hyperparameters;

/**
 * A plugin as named in a configuration: its name, its validated hyperparameters (every
 * declared key, given or defaulted), and the components nested in it by key (an optimizer's
 * {@code learning_rate} schedule), written back as a plain name when it has neither.
 *
 * @param name            the plugin's name, such as {@code sgd} (or its class name, where two
 *                        plugins share the name)
 * @param hyperparameters its validated hyperparameters, in declaration order
 * @param components      nested components by key, such as {@code learning_rate}; usually empty
 */
public record ComponentSpec(String name, Hyperparameters hyperparameters, Map<String, ComponentSpec> components) {
    public ComponentSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        components = Map.copyOf(Objects.requireNonNull(components, "components"));
    }

    /** A component with no nested components. */
    public ComponentSpec(String name, Hyperparameters hyperparameters) {
        this(name, hyperparameters, Map.of());
    }
}
