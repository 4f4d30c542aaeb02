package org.neurite.core.optimizer;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.spi.OptimizerSettings;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/**
 * One training run of an {@link Optimizer}'s update rule, as Keras 3's {@code
 * optimizer.apply(grads)} runs it. Each {@link #step()}:
 * <ol>
 *   <li>takes the learning rate of this step: the schedule at the current step count, or the
 *       constant (the settings' {@code learning_rate} until {@link #setLearningRate} changes it);</li>
 *   <li>clips the gradients in place: {@code clipnorm} scales each gradient by
 *       {@code clipnorm / max(‖g‖, clipnorm)}, {@code global_clipnorm} all of them by
 *       {@code global_clipnorm / max(‖(g₁, g₂, …)‖, global_clipnorm)}, {@code clipvalue}
 *       clips each element to {@code [−v, v]} (norms are summed in double);</li>
 *   <li>decays every parameter: {@code w ← w − w·weight_decay·lr} (float, Keras's order);</li>
 *   <li>calls {@link Optimizer#update} once per parameter, in order;</li>
 *   <li>counts the step.</li>
 * </ol>
 * The slots are created here, so a step allocates nothing. Not thread-safe.
 */
public final class OptimizerRun implements Optimizer.Updater {
    private final Optimizer optimizer;
    private final OptimizerSettings settings;
    private final List<Parameter> parameters;
    private final float[][] weights;
    private final float[][] gradients;
    /** slots[p][k]: slot k of parameter p. */
    private final float[][][] slots;
    private final Map<String, Matrix> stateView;
    private final CurrentStep current = new CurrentStep();
    private long iterations;
    /** The constant learning rate; unused with a schedule. */
    private double learningRate;

    /**
     * A new run of {@code optimizer} over {@code parameters}, with every slot at its initial
     * value and the step count at 0.
     *
     * @throws IllegalArgumentException if two parameters share a name
     */
    public OptimizerRun(Optimizer optimizer, List<Parameter> parameters) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.settings = Objects.requireNonNull(optimizer.settings(), "settings() of " + optimizer.name());
        this.parameters = List.copyOf(Objects.requireNonNull(parameters, "parameters"));
        Set<String> names = new HashSet<>();
        for (Parameter p : this.parameters) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException(optimizer.name() + ": two parameters are named '" + p.name()
                        + "'. Optimizer state is saved by parameter name, so every parameter of a "
                        + "network needs a unique name.");
            }
        }
        int n = this.parameters.size();
        weights = new float[n][];
        gradients = new float[n][];
        for (int i = 0; i < n; i++) {
            weights[i] = this.parameters.get(i).value().data();
            gradients[i] = this.parameters.get(i).gradient().data();
        }
        List<Optimizer.Slot> declared = List.copyOf(optimizer.slots());
        Set<String> slotNames = new HashSet<>();
        slots = new float[n][declared.size()][];
        Map<String, Matrix> state = new LinkedHashMap<>();
        for (int k = 0; k < declared.size(); k++) {
            Optimizer.Slot slot = declared.get(k);
            if (!slotNames.add(slot.name())) {
                throw new IllegalArgumentException("The optimizer '" + optimizer.name() + "' declares the slot '"
                        + slot.name() + "' twice in slots() " + declared + "; give each slot its own name.");
            }
            for (int i = 0; i < n; i++) {
                Matrix value = this.parameters.get(i).value();
                Matrix m = new Matrix(value.rows(), value.cols()).fill(slot.initialValue());
                state.put(slot.name() + "/" + this.parameters.get(i).name(), m);
                slots[i][k] = m.data();
            }
        }
        stateView = Collections.unmodifiableMap(state);
        learningRate = settings.learningRate(0);
    }

    @Override
    public void step() {
        double lr = learningRate();
        clip();
        double decay = settings.weightDecay();
        if (decay != 0) {
            float wd = (float) decay;
            float rate = (float) lr;
            for (float[] w : weights) {
                for (int i = 0; i < w.length; i++) {
                    w[i] = w[i] - w[i] * wd * rate;
                }
            }
        }
        current.learningRate = lr;
        current.iterations = iterations;
        for (int p = 0; p < weights.length; p++) {
            current.parameter = parameters.get(p);
            optimizer.update(current, weights[p], gradients[p], slots[p]);
        }
        current.parameter = null;
        iterations++;
    }

    private void clip() {
        if (settings.clipnorm() > 0) {
            double limit = settings.clipnorm();
            for (float[] g : gradients) {
                double norm = Math.sqrt(squares(g));
                if (norm > limit) {
                    scale(g, limit / norm);
                }
            }
        } else if (settings.globalClipnorm() > 0) {
            double limit = settings.globalClipnorm();
            double sum = 0;
            for (float[] g : gradients) {
                sum += squares(g);
            }
            double norm = Math.sqrt(sum);
            if (norm > limit) {
                for (float[] g : gradients) {
                    scale(g, limit / norm);
                }
            }
        } else if (settings.clipvalue() > 0) {
            float v = (float) settings.clipvalue();
            for (float[] g : gradients) {
                for (int i = 0; i < g.length; i++) {
                    g[i] = Math.max(-v, Math.min(v, g[i]));
                }
            }
        }
    }

    private static double squares(float[] g) {
        double sum = 0;
        for (float x : g) {
            sum += (double) x * x;
        }
        return sum;
    }

    private static void scale(float[] g, double factor) {
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) (g[i] * factor);
        }
    }

    @Override
    public long iterations() {
        return iterations;
    }

    @Override
    public void setIterations(long iterations) {
        if (iterations < 0) {
            throw new IllegalArgumentException(optimizer.name() + ": cannot set the step count to "
                    + iterations + "; it counts the steps taken so far and must be ≥ 0.");
        }
        this.iterations = iterations;
    }

    @Override
    public double learningRate() {
        return settings.schedule() != null ? settings.schedule().learningRate(iterations) : learningRate;
    }

    @Override
    public void setLearningRate(double rate) {
        if (settings.schedule() != null) {
            throw new IllegalStateException("The learning rate of '" + optimizer.name() + "' is the schedule "
                    + settings.schedule() + ", so it cannot be set (as in Keras); give learning_rate a number "
                    + "to let it change during training.");
        }
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException(optimizer.name() + ": cannot set the learning rate to " + rate
                    + "; it must be a finite number ≥ 0.");
        }
        learningRate = rate;
    }

    /** The slots, slot by slot and parameter by parameter within a slot; unmodifiable view of live matrices. */
    @Override
    public Map<String, Matrix> state() {
        return stateView;
    }

    @Override
    public String toString() {
        return optimizer.name() + " run over " + parameters.size() + " parameters after " + iterations + " steps";
    }

    /** The one, reused, step object handed to the rule. */
    private static final class CurrentStep implements Optimizer.Step {
        double learningRate;
        long iterations;
        Parameter parameter;

        @Override
        public double learningRate() {
            return learningRate;
        }

        @Override
        public long iterations() {
            return iterations;
        }

        @Override
        public Parameter parameter() {
            return parameter;
        }
    }
}
