package org.neurite.optimizers;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/**
 * What every updater of this package shares: the parameters' live arrays, the step count and
 * the per-parameter slots, registered in {@link #state()} as {@code <slot>/<parameter name>}.
 * Slots are created in the constructor, so {@link #step()} allocates nothing.
 */
abstract class SlotUpdater implements Optimizer.Updater {
    /** The live value array of each parameter, in the order given. */
    final float[][] weights;
    /** The live gradient array of each parameter, in the order given. */
    final float[][] gradients;

    private final String optimizer;
    private final List<Parameter> parameters;
    private final Map<String, Matrix> state = new LinkedHashMap<>();
    private final Map<String, Matrix> stateView = Collections.unmodifiableMap(state);
    private long iterations;

    SlotUpdater(String optimizer, List<Parameter> parameters) {
        this.optimizer = optimizer;
        this.parameters = List.copyOf(Objects.requireNonNull(parameters, "parameters"));
        Set<String> names = new HashSet<>();
        for (Parameter p : this.parameters) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException(optimizer + ": two parameters are named '" + p.name()
                        + "'. Optimizer state is saved by parameter name, so every parameter of a "
                        + "network needs a unique name.");
            }
        }
        weights = new float[this.parameters.size()][];
        gradients = new float[this.parameters.size()][];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = this.parameters.get(i).value().data();
            gradients[i] = this.parameters.get(i).gradient().data();
        }
    }

    /**
     * Creates the slot {@code slot}: one matrix per parameter, of its shape, filled with
     * {@code initial} and listed in {@link #state()} as {@code slot/<parameter name>}.
     *
     * @return the slot's live arrays, indexed like {@link #weights}
     */
    final float[][] slot(String slot, float initial) {
        float[][] arrays = new float[parameters.size()][];
        for (int i = 0; i < arrays.length; i++) {
            Matrix value = parameters.get(i).value();
            Matrix m = new Matrix(value.rows(), value.cols()).fill(initial);
            state.put(slot + "/" + parameters.get(i).name(), m);
            arrays[i] = m.data();
        }
        return arrays;
    }

    /** Applies one update, given the number of steps already taken (0 for the first). */
    abstract void update(long stepsDone);

    @Override
    public final void step() {
        update(iterations);
        iterations++;
    }

    @Override
    public final long iterations() {
        return iterations;
    }

    @Override
    public final void setIterations(long iterations) {
        if (iterations < 0) {
            throw new IllegalArgumentException(optimizer + ": cannot set the step count to "
                    + iterations + "; it counts the steps taken so far and must be ≥ 0.");
        }
        this.iterations = iterations;
    }

    /** The slots, slot by slot and parameter by parameter within a slot; unmodifiable view of live matrices. */
    @Override
    public final Map<String, Matrix> state() {
        return stateView;
    }

    @Override
    public String toString() {
        return optimizer + " updater of " + parameters + " after " + iterations + " steps";
    }
}
