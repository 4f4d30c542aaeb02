package org.neurite.core.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What most optimizers share: a name, declarations that include Keras's standard options
 * ({@link OptimizerSettings#declarations}), this instance's resolved values and the
 * {@link OptimizerSettings} read from them, with equality by name and values. A subclass
 * writes its constructor, {@link #with} and {@link #update} (and {@link #slots()} if it keeps
 * state); see {@link Optimizer} for a complete example. Immutable.
 */
public abstract class BaseOptimizer implements Optimizer {
    private final String name;
    private final List<Hyperparameter> declared;
    private final Hyperparameters values;
    private final OptimizerSettings settings;

    /**
     * Resolves {@code given} against {@code declared}.
     *
     * @param name     the registry name
     * @param declared every declaration, usually from {@link OptimizerSettings#declarations}
     * @param given    the values given (absent keys take their defaults)
     * @throws HyperparameterException for an unknown key, a value of the wrong type or out of
     *         range, or more than one clipping option
     */
    protected BaseOptimizer(String name, List<Hyperparameter> declared, Map<String, ?> given) {
        this.name = Objects.requireNonNull(name, "name");
        this.declared = List.copyOf(declared);
        String label = "optimizer '" + name + "'";
        this.values = Hyperparameters.resolve(label, this.declared, given);
        this.settings = OptimizerSettings.from(label, values);
    }

    /** A new instance of this optimizer with {@code values} (resolved again by the constructor). */
    protected abstract BaseOptimizer with(Map<String, ?> values);

    @Override
    public final Optimizer configure(Hyperparameters values) {
        return with(values.asMap());
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<Hyperparameter> hyperparameters() {
        return declared;
    }

    /** {@return the hyperparameter values of this instance, every declared key with a value} */
    public final Hyperparameters values() {
        return values;
    }

    @Override
    public final OptimizerSettings settings() {
        return settings;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((BaseOptimizer) o).name.equals(name)
                && ((BaseOptimizer) o).values.equals(values);
    }

    @Override
    public final int hashCode() {
        return Objects.hash(name, values);
    }

    @Override
    public String toString() {
        return name + values;
    }
}
