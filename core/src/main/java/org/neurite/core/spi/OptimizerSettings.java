package org.neurite.core.spi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The part of an optimizer's configuration that core applies, with Keras 3's names and
 * meaning: {@code learning_rate}, {@code weight_decay} (decoupled: {@code w ← w −
 * w·weight_decay·lr} before the rule), and at most one of {@code clipnorm} (each gradient
 * scaled to that L2 norm at most), {@code global_clipnorm} (all gradients together) and
 * {@code clipvalue} (each element clipped to {@code [−v, v]}). Immutable.
 *
 * <pre>{@code
 * List<Hyperparameter> declared = OptimizerSettings.declarations(0.001,
 *         Hyperparameter.number("beta_1", 0.9).between(0, 1));
 * OptimizerSettings settings = OptimizerSettings.from("optimizer 'mine'", values);
 * }</pre>
 */
public final class OptimizerSettings {
    /** The learning rate's key. */
    public static final String LEARNING_RATE = "learning_rate";
    /** The decoupled weight decay's key. */
    public static final String WEIGHT_DECAY = "weight_decay";
    /** The per-gradient norm clipping's key. */
    public static final String CLIPNORM = "clipnorm";
    /** The global norm clipping's key. */
    public static final String GLOBAL_CLIPNORM = "global_clipnorm";
    /** The element-wise clipping's key. */
    public static final String CLIPVALUE = "clipvalue";

    /** A constant learning rate of 0.01, no weight decay, no clipping. */
    public static final OptimizerSettings DEFAULT = new OptimizerSettings(0.01, null, 0, 0, 0, 0);

    private final double learningRate;
    private final LearningRateSchedule schedule;
    private final double weightDecay;
    private final double clipnorm;
    private final double globalClipnorm;
    private final double clipvalue;

    private OptimizerSettings(double learningRate, LearningRateSchedule schedule, double weightDecay,
                              double clipnorm, double globalClipnorm, double clipvalue) {
        this.learningRate = learningRate;
        this.schedule = schedule;
        this.weightDecay = weightDecay;
        this.clipnorm = clipnorm;
        this.globalClipnorm = globalClipnorm;
        this.clipvalue = clipvalue;
    }

    /**
     * The standard declarations, {@code learning_rate} first, then {@code own}, then
     * {@code weight_decay}, {@code clipnorm}, {@code global_clipnorm} and {@code clipvalue}
     * (all optional: left out, they are off).
     */
    public static List<Hyperparameter> declarations(double defaultLearningRate, Hyperparameter... own) {
        return declarations(defaultLearningRate, null, own);
    }

    /**
     * The standard declarations with a default weight decay, as {@code adamw} has; otherwise
     * as {@link #declarations(double, Hyperparameter...)}.
     */
    public static List<Hyperparameter> declarations(double defaultLearningRate, Double defaultWeightDecay,
                                                    Hyperparameter... own) {
        List<Hyperparameter> all = new ArrayList<>();
        all.add(Hyperparameter.number(LEARNING_RATE, defaultLearningRate).greaterThan(0));
        all.addAll(Arrays.asList(own));
        Hyperparameter decay = Hyperparameter.number(WEIGHT_DECAY, 0.0).atLeast(0);
        all.add(defaultWeightDecay == null ? decay.optional()
                : Hyperparameter.number(WEIGHT_DECAY, defaultWeightDecay).atLeast(0));
        all.add(Hyperparameter.number(CLIPNORM, 1.0).greaterThan(0).optional());
        all.add(Hyperparameter.number(GLOBAL_CLIPNORM, 1.0).greaterThan(0).optional());
        all.add(Hyperparameter.number(CLIPVALUE, 1.0).greaterThan(0).optional());
        return List.copyOf(all);
    }

    /**
     * Reads the standard keys from {@code values} (validated against {@link #declarations});
     * a key that was not declared is off.
     *
     * @param component how to name the optimizer in messages, such as {@code optimizer 'adam'}
     * @param schedule  the learning-rate schedule, or {@code null} for the constant
     *                  {@code learning_rate}
     * @throws HyperparameterException if more than one clipping option is set
     */
    public static OptimizerSettings from(String component, Hyperparameters values, LearningRateSchedule schedule) {
        double lr = values.has(LEARNING_RATE) ? values.number(LEARNING_RATE) : DEFAULT.learningRate;
        double clipnorm = values.has(CLIPNORM) ? values.number(CLIPNORM) : 0;
        double global = values.has(GLOBAL_CLIPNORM) ? values.number(GLOBAL_CLIPNORM) : 0;
        double clipvalue = values.has(CLIPVALUE) ? values.number(CLIPVALUE) : 0;
        int set = (clipnorm > 0 ? 1 : 0) + (global > 0 ? 1 : 0) + (clipvalue > 0 ? 1 : 0);
        if (set > 1) {
            String key = clipvalue > 0 ? CLIPVALUE : GLOBAL_CLIPNORM;
            throw new HyperparameterException(key, component + ": only one of clipnorm, global_clipnorm "
                    + "and clipvalue can be set, but found " + (clipnorm > 0 ? "clipnorm = " + clipnorm + " " : "")
                    + (global > 0 ? "global_clipnorm = " + global + " " : "")
                    + (clipvalue > 0 ? "clipvalue = " + clipvalue : "").trim() + "; keep one (as Keras).");
        }
        double decay = values.has(WEIGHT_DECAY) ? values.number(WEIGHT_DECAY) : 0;
        return new OptimizerSettings(lr, schedule, decay, clipnorm, global, clipvalue);
    }

    /** As {@link #from(String, Hyperparameters, LearningRateSchedule)} with a constant learning rate. */
    public static OptimizerSettings from(String component, Hyperparameters values) {
        return from(component, values, null);
    }

    /** The learning rate of the step taken after {@code iterations} steps. */
    public double learningRate(long iterations) {
        return schedule == null ? learningRate : schedule.learningRate(iterations);
    }

    /** These settings with the learning rate given by {@code schedule} instead. */
    public OptimizerSettings withSchedule(LearningRateSchedule schedule) {
        return new OptimizerSettings(learningRate, Objects.requireNonNull(schedule, "schedule"), weightDecay,
                clipnorm, globalClipnorm, clipvalue);
    }

    /** The schedule, or {@code null} when the learning rate is constant. */
    public LearningRateSchedule schedule() {
        return schedule;
    }

    /** The decoupled weight decay factor; 0 when off. */
    public double weightDecay() {
        return weightDecay;
    }

    /** The per-gradient norm limit; 0 when off. */
    public double clipnorm() {
        return clipnorm;
    }

    /** The joint norm limit of all gradients; 0 when off. */
    public double globalClipnorm() {
        return globalClipnorm;
    }

    /** The element-wise limit; 0 when off. */
    public double clipvalue() {
        return clipvalue;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OptimizerSettings s && s.learningRate == learningRate
                && Objects.equals(s.schedule, schedule) && s.weightDecay == weightDecay
                && s.clipnorm == clipnorm && s.globalClipnorm == globalClipnorm && s.clipvalue == clipvalue;
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, schedule, weightDecay, clipnorm, globalClipnorm, clipvalue);
    }

    @Override
    public String toString() {
        return "learning_rate " + (schedule == null ? learningRate : schedule) + ", weight_decay " + weightDecay
                + ", clipnorm " + clipnorm + ", global_clipnorm " + globalClipnorm + ", clipvalue " + clipvalue;
    }
}
