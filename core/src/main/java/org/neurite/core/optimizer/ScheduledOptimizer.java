package org.neurite.core.optimizer;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.LearningRateSchedule;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.spi.OptimizerSettings;
import org.neurite.core.tensor.Parameter;

/**
 * An optimizer whose learning rate is a {@link LearningRateSchedule}: the configuration's
 * {@code learning_rate: {name: cosine_decay, ...}}. Everything but the learning rate is the
 * wrapped optimizer's; the run is core's {@link OptimizerRun}, which evaluates the schedule at
 * the step count before every step, so a resumed run continues the schedule. Immutable.
 */
public final class ScheduledOptimizer implements Optimizer {
    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final OptimizerSettings settings;

    private ScheduledOptimizer(Optimizer optimizer, LearningRateSchedule schedule) {
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.settings = optimizer.settings().withSchedule(schedule);
    }

    /**
     * {@code optimizer} with its learning rate given by {@code schedule}.
     *
     * @throws IllegalArgumentException if the optimizer supplies its own {@link Optimizer#start}
     *         (then it keeps its own learning rate, and no schedule can reach it)
     */
    public static ScheduledOptimizer of(Optimizer optimizer, LearningRateSchedule schedule) {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(schedule, "schedule");
        Optimizer inner = optimizer instanceof ScheduledOptimizer s ? s.optimizer : optimizer;
        if (ownsItsRun(inner)) {
            throw new IllegalArgumentException("The optimizer '" + inner.name() + "' (" + inner.getClass().getName()
                    + ") runs its own steps (it overrides start), so it cannot take the learning-rate schedule '"
                    + schedule.name() + "'; give it a number as learning_rate, or write it as an update rule.");
        }
        return new ScheduledOptimizer(inner, schedule);
    }

    private static boolean ownsItsRun(Optimizer optimizer) {
        try {
            Method start = optimizer.getClass().getMethod("start", List.class);
            return start.getDeclaringClass() != Optimizer.class;
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    /** The optimizer whose rule this runs. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** The learning-rate schedule. */
    public LearningRateSchedule schedule() {
        return schedule;
    }

    @Override
    public String name() {
        return optimizer.name();
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return optimizer.hyperparameters();
    }

    @Override
    public Optimizer configure(Hyperparameters values) {
        return new ScheduledOptimizer(optimizer.configure(values), schedule);
    }

    @Override
    public OptimizerSettings settings() {
        return settings;
    }

    @Override
    public List<Slot> slots() {
        return optimizer.slots();
    }

    @Override
    public void update(Step step, float[] weights, float[] gradient, float[][] slots) {
        optimizer.update(step, weights, gradient, slots);
    }

    @Override
    public Updater start(List<Parameter> parameters) {
        return new OptimizerRun(this, parameters);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScheduledOptimizer s && s.optimizer.equals(optimizer) && s.schedule.equals(schedule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(optimizer, schedule);
    }

    @Override
    public String toString() {
        return optimizer + " with learning rate " + schedule;
    }
}
