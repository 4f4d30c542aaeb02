package org.neurite.optimizers;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Optimizer;

/**
 * What the built-in optimizers share: a name, the declared hyperparameters and this instance's
 * resolved values, with equality by name and values. Immutable.
 */
abstract class ConfiguredOptimizer implements Optimizer {
    private final String name;
    private final List<Hyperparameter> declared;
    private final Hyperparameters values;

    /**
     * Resolves {@code given} against {@code declared}.
     *
     * @throws org.neurite.core.spi.HyperparameterException for an unknown key or a value of the
     *         wrong type or out of range
     */
    ConfiguredOptimizer(String name, List<Hyperparameter> declared, Map<String, ?> given) {
        this.name = name;
        this.declared = declared;
        this.values = Hyperparameters.resolve("optimizer '" + name + "'", declared, given);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<Hyperparameter> hyperparameters() {
        return declared;
    }

    /** {@return the hyperparameter values of this instance, every key included} */
    public final Hyperparameters values() {
        return values;
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof ConfiguredOptimizer other && other.name.equals(name) && other.values.equals(values);
    }

    @Override
    public final int hashCode() {
        return Objects.hash(name, values);
    }

    @Override
    public final String toString() {
        return name + values;
    }
}
