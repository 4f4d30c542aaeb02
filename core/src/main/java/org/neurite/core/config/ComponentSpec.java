package org.neurite.core.config;

import java.util.Objects;
import org.neurite.core.spi.Hyperparameters;

/**
 * A plugin as named in a configuration: its name and its validated hyperparameters (every
 * declared key, given or defaulted), written back as a plain name when it has none.
 *
 * @param name            the plugin's name, such as {@code sgd} (or its class name, where two
 *                        plugins share the name)
 * @param hyperparameters its validated hyperparameters, in declaration order
 */
public record ComponentSpec(String name, Hyperparameters hyperparameters) {
    public ComponentSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
    }
}
