package org.neurite.core.train;

import java.io.PrintStream;
import org.neurite.core.network.Network;

/** The running training session, as listeners see it. */
public interface Training {

    /** The network being trained. */
    Network network();

    /** The number of epochs this call to {@code fit} will run unless stopped. */
    int epochs();

    /** The number of batches per epoch. */
    int batchesPerEpoch();

    /** Where progress and the messages of callbacks go ({@link FitOptions#out()}). */
    PrintStream out();

    /** The seed that drives shuffling in this run. */
    long seed();

    /**
     * Whether a larger value of the logged quantity {@code key} ({@code loss}, a metric, or
     * either with {@code val_}) is better, as the metric declares.
     *
     * @throws IllegalArgumentException if nothing is logged under {@code key}
     */
    boolean higherIsBetter(String key);

    /**
     * Asks the trainer to stop after the current epoch (or, called from
     * {@link TrainingListener#onDivergence}, to stop there instead of throwing).
     */
    void stop();

    /**
     * The optimizer's learning rate now: the rate of its next step (Keras's {@code
     * optimizer.learning_rate}); NaN if the optimizer does not say.
     */
    double learningRate();

    /**
     * Sets the optimizer's constant learning rate for the steps that follow; model files keep it.
     *
     * @throws IllegalStateException if the learning rate is a schedule
     */
    void setLearningRate(double rate);
}
