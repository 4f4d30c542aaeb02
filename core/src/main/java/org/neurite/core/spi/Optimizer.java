package org.neurite.core.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neurite.core.optimizer.OptimizerRun;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/**
 * An optimization algorithm: how a parameter moves given its gradient. A service interface:
 * providers are found with {@link java.util.ServiceLoader} and used by their {@link #name()}.
 *
 * <p><b>What a plugin writes.</b> Only its update rule: {@link #update} moves one parameter
 * given its gradient, the learning rate of this step and the plugin's own per-parameter
 * {@link #slots()}. Core owns everything else: the step count, the learning rate of each step
 * (a number or a schedule evaluated from the step count), the slots' storage (saved and
 * restored by model files), and Keras's standard options, applied in Keras 3's order before
 * the rule runs: gradient clipping ({@code clipnorm}, {@code global_clipnorm} or {@code
 * clipvalue}), then decoupled weight decay ({@code w ← w − w·weight_decay·lr}). Extending
 * {@link BaseOptimizer} gives a plugin these standard hyperparameters.
 *
 * <p><b>Sharing and state.</b> The discovered instance is shared and holds only final
 * hyperparameter values. Everything that changes during training lives in the {@link Updater}
 * that {@link #start} creates for one training run, so two networks training at once with one
 * optimizer instance do not interfere; {@link #update} must keep nothing but what it writes
 * into its slots.
 *
 * <p><b>Order of calls.</b> The trainer calls {@link #start} once with the network's
 * parameters, then for each batch: computes every {@link Parameter#gradient()}, then calls
 * {@link Updater#step()} once, which calls {@link #update} once per parameter.
 *
 * <p>A minimal plugin, declared in {@code META-INF/services/org.neurite.core.spi.Optimizer}
 * (it takes {@code learning_rate}, default 0.01, and the standard options):
 * <pre>{@code
 * public final class SignDescent extends BaseOptimizer {
 *     public SignDescent() { this(Map.of()); }
 *     private SignDescent(Map<String, ?> values) {
 *         super("sign_descent", OptimizerSettings.declarations(0.01), values);
 *     }
 *     protected SignDescent with(Map<String, ?> values) { return new SignDescent(values); }
 *
 *     public void update(Step step, float[] w, float[] g, float[][] slots) {
 *         float lr = (float) step.learningRate();
 *         for (int i = 0; i < w.length; i++) w[i] -= lr * Math.signum(g[i]);
 *     }
 * }
 * }</pre>
 * A rule with state declares its slots, which arrive in {@code slots} in that order:
 * {@code public List<Slot> slots() { return List.of(new Slot("velocity", 0f)); }}.
 */
public interface Optimizer extends Component {

    /** This optimizer with the given, already validated hyperparameters. */
    default Optimizer configure(Hyperparameters values) {
        return this;
    }

    /**
     * What core applies around the rule: the learning rate or schedule, weight decay and
     * clipping. The default is a constant learning rate of 0.01 and nothing else;
     * {@link BaseOptimizer} reads them from the standard hyperparameters.
     */
    default OptimizerSettings settings() {
        return OptimizerSettings.DEFAULT;
    }

    /**
     * The per-parameter state this rule keeps, in the order {@link #update} receives it. Core
     * creates one matrix per slot and parameter, of the parameter's shape, filled with the
     * slot's initial value, and lists it in {@link Updater#state()} as
     * {@code <slot>/<parameter name>}.
     */
    default List<Slot> slots() {
        return List.of();
    }

    /**
     * Applies this step's update to one parameter, in place. {@code weights} and
     * {@code gradient} are the parameter's live arrays (the gradient already clipped, the
     * weights already decayed); {@code slots[k]} is the live array of {@link #slots()}{@code
     * .get(k)} for this parameter. Must allocate nothing and keep no other state.
     *
     * @throws UnsupportedOperationException if this optimizer supplies its own {@link #start}
     *         instead (the form plugins had before core owned the step)
     */
    default void update(Step step, float[] weights, float[] gradient, float[][] slots) {
        throw new UnsupportedOperationException("The optimizer '" + name() + "' ("
                + getClass().getName() + ") implements neither update(Step, float[], float[], "
                + "float[][]) nor start(List<Parameter>); implement update, its update rule.");
    }

    /**
     * Creates the state of one training run over {@code parameters}. The updater keeps the
     * list and updates these parameters in place at each {@link Updater#step()}. Core's run
     * (step count, learning rate, slots, clipping, weight decay, then {@link #update}) is the
     * default; an optimizer overriding this takes all of that on itself.
     *
     * @throws IllegalArgumentException if two parameters share a name (state is saved by name)
     */
    default Updater start(List<Parameter> parameters) {
        return new OptimizerRun(this, parameters);
    }

    /**
     * A per-parameter state array of an update rule.
     *
     * @param name         the lower_snake_case slot name, such as {@code velocity}; the first
     *                     part of the state key, so it must never change once published
     * @param initialValue the value every element starts at
     */
    record Slot(String name, float initialValue) {
        public Slot {
            Objects.requireNonNull(name, "name");
            if (!name.matches("[a-z][a-z0-9]*(_[a-z0-9]+)*")) {
                throw new IllegalArgumentException("slot name '" + name + "' is not lower_snake_case");
            }
        }
    }

    /** What an update rule knows about the current step. Valid only during {@link #update}. */
    interface Step {

        /** The learning rate of this step, from the constant or the schedule at {@link #iterations()}. */
        double learningRate();

        /** The number of steps taken before this one (0 at the first step; Keras's {@code iterations}). */
        long iterations();

        /** The parameter being updated. */
        Parameter parameter();
    }

    /**
     * The per-run state of an optimizer. Not thread-safe: one training run uses it from one
     * thread at a time.
     */
    interface Updater {

        /** Applies one update to every parameter from its current gradient. */
        void step();

        /** The number of {@link #step()} calls so far (Keras's {@code iterations}). */
        long iterations();

        /** Sets the step count, when training resumes from a saved model. */
        void setIterations(long iterations);

        /**
         * The learning rate the next {@link #step()} will use: the schedule at {@link #iterations()},
         * or the constant (as last {@linkplain #setLearningRate set}); NaN if this updater does not
         * say (an optimizer that runs its own steps).
         */
        default double learningRate() {
            return Double.NaN;
        }

        /**
         * Sets the constant learning rate of the steps that follow, as Keras's {@code
         * optimizer.learning_rate = value} (what {@code reduce_lr_on_plateau} does). Model files
         * save a rate set this way, so a resumed run keeps it.
         *
         * @throws IllegalStateException         if the learning rate is a schedule (as in Keras, it
         *                                       cannot be set then)
         * @throws IllegalArgumentException      if {@code rate} is negative or not finite
         * @throws UnsupportedOperationException if this updater does not support it
         */
        default void setLearningRate(double rate) {
            throw new UnsupportedOperationException("this optimizer runs its own steps (it overrides start), so "
                    + "its learning rate cannot be set from outside; write it as an update rule");
        }

        /**
         * The live per-parameter state, by stable key (such as {@code velocity/dense_1/kernel}),
         * in a stable order. Model files save these matrices and, to resume training, copy the
         * saved values back into them.
         */
        Map<String, Matrix> state();
    }
}
