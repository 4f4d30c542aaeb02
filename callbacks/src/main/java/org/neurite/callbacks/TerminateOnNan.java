package org.neurite.callbacks;

import java.util.List;
import org.neurite.core.spi.CallbackType;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.train.Training;
import org.neurite.core.train.TrainingDivergedException;
import org.neurite.core.train.TrainingListener;

/**
 * {@code terminate_on_nan}: Keras 3's {@code TerminateOnNaN}, on top of the guard that is always
 * on. Training always stops at the first NaN or infinite loss, gradient or updated parameter,
 * with the parameters and optimizer state of before that update. Without this callback (or with
 * {@code raise_error: true}) the stop is a {@code TrainingDivergedException} naming the epoch,
 * the batch and the last finite loss. With it and Keras's default {@code raise_error: false} the
 * stop is graceful, as Keras's: the same message is printed where progress goes, the unfinished
 * epoch is not logged, the other callbacks see the end of training, and {@code fit} returns.
 */
public final class TerminateOnNan implements CallbackType {
    private final boolean raiseError;

    /** The discovered instance: Keras's default, a graceful stop. */
    public TerminateOnNan() {
        this(false);
    }

    private TerminateOnNan(boolean raiseError) {
        this.raiseError = raiseError;
    }

    @Override
    public String name() {
        return "terminate_on_nan";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(Hyperparameter.bool("raise_error", false));
    }

    @Override
    public CallbackType configure(Hyperparameters values) {
        return new TerminateOnNan(values.bool("raise_error"));
    }

    @Override
    public TrainingListener start(Context context) {
        if (raiseError) {
            return new TrainingListener() { }; // the guard's own behaviour
        }
        return new TrainingListener() {
            @Override
            public void onDivergence(Training training, int epoch, TrainingDivergedException divergence) {
                training.out().println(divergence.getMessage() + " Training stopped (terminate_on_nan).");
                training.stop();
            }
        };
    }
}
