package org.neurite.optimizers.schedules;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.LearningRateSchedule;

/** What the built-in schedules share: name, declarations, resolved values, equality by both. Immutable. */
abstract class ConfiguredSchedule implements LearningRateSchedule {
    private final String name;
    private final List<Hyperparameter> declared;
    private final Hyperparameters values;

    ConfiguredSchedule(String name, List<Hyperparameter> declared, Map<String, ?> given) {
        this.name = name;
        this.declared = declared;
        this.values = resolvedOrUnset(name, declared, given);
    }

    /**
     * The discovered instance has no values for the required keys (a schedule is only used
     * configured); it is not evaluated.
     */
    private static Hyperparameters resolvedOrUnset(String name, List<Hyperparameter> declared, Map<String, ?> given) {
        if (given == null) {
            return null;
        }
        return Hyperparameters.resolve("learning-rate schedule '" + name + "'", declared, given);
    }

    /** A new instance with {@code values}. */
    abstract ConfiguredSchedule with(Map<String, ?> values);

    @Override
    public final LearningRateSchedule configure(Hyperparameters values) {
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

    /** The values; throws if this is the unconfigured, discovered instance. */
    final Hyperparameters values() {
        if (values == null) {
            throw new IllegalStateException("The learning-rate schedule '" + name + "' needs its hyperparameters ("
                    + declared.stream().map(Hyperparameter::describe).toList() + "); configure it first.");
        }
        return values;
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof ConfiguredSchedule s && s.name.equals(name) && Objects.equals(s.values, values);
    }

    @Override
    public final int hashCode() {
        return Objects.hash(name, values);
    }

    @Override
    public final String toString() {
        return name + (values == null ? "(unconfigured)" : values.toString());
    }
}
