package org.neurite.core.spi;

/**
 * A learning-rate schedule: the learning rate as a function of the optimizer's step count,
 * Keras's {@code LearningRateSchedule}. A service interface: providers are found with
 * {@link java.util.ServiceLoader} and named in an optimizer's {@code learning_rate}
 * ({@code learning_rate: {name: exponential_decay, initial_learning_rate: 0.1, decay_steps:
 * 100, decay_rate: 0.9}}). Core evaluates it once per optimizer step from the step count, so a
 * resumed run continues the schedule.
 *
 * <pre>{@code
 * public final class Halving implements LearningRateSchedule {
 *     public String name() { return "halving"; }
 *     public double learningRate(long step) { return 0.1 * Math.pow(0.5, step / 1000); }
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe: the value depends on {@code step} and the hyperparameters only.
 */
public interface LearningRateSchedule extends Component {

    /** This schedule with the given, already validated hyperparameters. */
    default LearningRateSchedule configure(Hyperparameters values) {
        return this;
    }

    /**
     * The learning rate of the step taken after {@code step} steps (0 for the first step,
     * Keras's {@code iterations}), computed in double.
     */
    double learningRate(long step);
}
