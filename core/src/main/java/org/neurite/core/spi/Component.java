package org.neurite.core.spi;

import java.util.List;

/**
 * What every plugin has: a stable name and the hyperparameters it accepts.
 *
 * <p>The name is the key of the component in configuration files and saved models, in
 * lower_snake_case ({@code relu}, {@code categorical_crossentropy}, {@code sgd}); it must never
 * change once published, whatever the implementing class is called.
 */
public interface Component {

    /** The stable, lower_snake_case name used in configuration files and model files. */
    String name();

    /** The hyperparameters this component accepts, with types, defaults and ranges. */
    default List<Hyperparameter> hyperparameters() {
        return List.of();
    }
}
