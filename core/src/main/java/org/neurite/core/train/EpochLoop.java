package org.neurite.core.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.neurite.core.network.Network;

/**
 * The loop over the epochs of one call to {@code fit}, shared by every trainer: listeners
 * (progress included), the epoch's loss as the sample-weighted mean of its batch losses, its
 * metrics, validation, the optimizer's learning rate ({@code learning_rate}), the history, the
 * stop flag and what happens when a batch diverges. What a batch is — a step on this machine,
 * a Spark job over partitions — is the {@link Steps} a trainer plugs in.
 *
 * <pre>{@code
 * History h = new EpochLoop(trainer, options, batchesPerEpoch, samples).run(mySteps);
 * }</pre>
 */
public final class EpochLoop implements Training {
    private final Trainer trainer;
    private final FitOptions options;
    private final long seed;
    private final int batches;
    private final long samples;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private double lossSum;
    private double lastFinite = Double.NaN;
    private boolean stopRequested;

    /**
     * What one trainer does within the loop.
     */
    public interface Steps {
        /** Before the batches of {@code epoch} (from 0, counted over every call): shuffle, arrange. */
        void beginEpoch(int epoch);

        /**
         * Trains batches from {@code firstBatch} on, reporting each to {@link #batchBegin} and
         * {@link #batchEnd}; returns how many it trained (at least one).
         *
         * @throws TrainingDivergedException at a non-finite loss, gradient or parameter
         */
        int train(int epoch, int firstBatch);

        /** The epoch's metrics so far, by logged name, in the trainer's order. */
        Map<String, Double> metrics();

        /** The loss and metrics on the validation data (empty without any). */
        Map<String, Double> validate();
    }

    /**
     * @param trainer the trainer whose network, history and metrics the loop reports on
     * @param options the call's options (epochs, seed, verbosity, listeners)
     * @param batches the number of batches per epoch
     * @param samples the number of training samples
     */
    public EpochLoop(Trainer trainer, FitOptions options, int batches, long samples) {
        this(trainer, options, batches, samples, null);
    }

    /**
     * A loop whose progress, when {@code options} are verbose, is shown by {@code progress}
     * instead of the local progress printer ({@code null} for that printer).
     */
    public EpochLoop(Trainer trainer, FitOptions options, int batches, long samples, TrainingListener progress) {
        this.trainer = Objects.requireNonNull(trainer, "trainer");
        this.options = Objects.requireNonNull(options, "options");
        this.seed = options.seed() != null ? options.seed() : new SplittableRandom().nextLong();
        this.batches = batches;
        this.samples = samples;
        if (options.verbose() > 0) {
            listeners.add(progress != null ? progress
                    : new ProgressPrinter(options.out(), options.verbose(), options.logEvery()));
        }
        listeners.addAll(options.listeners());
    }

    @Override
    public Network network() {
        return trainer.network();
    }

    @Override
    public int epochs() {
        return options.epochs();
    }

    @Override
    public int batchesPerEpoch() {
        return batches;
    }

    @Override
    public java.io.PrintStream out() {
        return options.out();
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public boolean higherIsBetter(String key) {
        return trainer.higherIsBetter(key);
    }

    @Override
    public void stop() {
        stopRequested = true;
    }

    @Override
    public double learningRate() {
        return trainer.updater().learningRate();
    }

    @Override
    public void setLearningRate(double rate) {
        trainer.updater().setLearningRate(rate);
    }

    /** Runs the epochs with {@code steps}; returns the history of this call's epochs. */
    public History run(Steps steps) {
        History thisCall = new History();
        for (TrainingListener l : listeners) {
            l.onTrainBegin(this);
        }
        for (int e = 0; e < options.epochs() && !stopRequested; e++) {
            int epoch = trainer.history().epochs();
            for (TrainingListener l : listeners) {
                l.onEpochBegin(this, epoch);
            }
            steps.beginEpoch(epoch);
            lossSum = 0;
            boolean diverged = false;
            for (int b = 0; b < batches && !diverged; ) {
                try {
                    b += steps.train(epoch, b);
                } catch (TrainingDivergedException d) {
                    diverged = true;
                    if (!stoppedAt(epoch, d)) {
                        throw d;
                    }
                }
            }
            if (diverged) {
                break;
            }
            Map<String, Double> logs = new LinkedHashMap<>();
            logs.put("loss", lossSum / samples);
            logs.putAll(steps.metrics());
            steps.validate().forEach((k, v) -> logs.put("val_" + k, v));
            // As Keras's callbacks log optimizer.learning_rate at the epoch's end: the float32 rate
            // of the next step (the epoch's own rate unless a schedule moves it).
            double lr = learningRate();
            if (!Double.isNaN(lr)) {
                logs.put("learning_rate", (double) (float) lr);
            }
            trainer.history().append(logs);
            thisCall.append(logs);
            for (TrainingListener l : listeners) {
                l.onEpochEnd(this, epoch, logs);
            }
        }
        for (TrainingListener l : listeners) {
            l.onTrainEnd(this, thisCall);
        }
        return thisCall;
    }

    /** Tells the listeners of a divergence; {@code true} if one of them asked to stop there. */
    private boolean stoppedAt(int epoch, TrainingDivergedException divergence) {
        boolean before = stopRequested;
        stopRequested = false;
        for (TrainingListener l : listeners) {
            l.onDivergence(this, epoch, divergence);
        }
        boolean stopped = stopRequested;
        stopRequested = before || stopped;
        return stopped;
    }

    /** Before a batch: tells the listeners. */
    public void batchBegin(int epoch, int batch) {
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).onBatchBegin(this, epoch, batch);
        }
    }

    /** After a batch's update: its mean loss (before the update) over {@code rows} samples. */
    public void batchEnd(int epoch, int batch, double loss, long rows) {
        lossSum += loss * rows;
        lastFinite = loss;
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).onBatchEnd(this, epoch, batch, loss);
        }
    }

    /**
     * The exception for a run that diverged at {@code batch} (from 0) of {@code epoch}: where,
     * what, the last finite loss, and what the parameters are.
     *
     * @param what what was not finite, such as {@code the loss is NaN}
     * @param kept what the parameters are left at, such as {@code those before this batch's update}
     */
    public TrainingDivergedException diverged(int epoch, int batch, String what, String kept) {
        String last = Double.isNaN(lastFinite) ? "no finite loss was computed before it"
                : "the last finite loss was " + lastFinite;
        return new TrainingDivergedException("Training diverged at epoch " + (epoch + 1)
                + ", batch " + (batch + 1) + " of " + batches + ": " + what + "; " + last
                + ". The parameters are " + kept + ". Lower the learning"
                + " rate, scale the inputs, or check the data for NaN/Inf.", epoch + 1, batch + 1);
    }
}
