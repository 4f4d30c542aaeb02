package org.neurite.callbacks;

import java.util.List;
import java.util.Map;
import org.neurite.core.spi.CallbackType;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.HyperparameterException;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.train.Training;
import org.neurite.core.train.TrainingListener;

/**
 * {@code reduce_lr_on_plateau}: Keras 3's {@code ReduceLROnPlateau}. {@code monitor}
 * (val_loss), {@code factor} (0.1, in (0, 1)), {@code patience} (10), {@code verbose} (0),
 * {@code mode} (auto, min or max), {@code min_delta} (1e-4), {@code cooldown} (0),
 * {@code min_lr} (0). At each epoch's end, with the learning rate {@code lr} held as float32
 * (as Keras's optimizer variable holds it):
 * <ol>
 *   <li>in cooldown: {@code cooldown_counter −= 1}, {@code wait = 0};</li>
 *   <li>an improvement ({@code current < best − min_delta} in min mode,
 *       {@code current > best + min_delta} in max mode) sets {@code best} and {@code wait = 0};</li>
 *   <li>otherwise, out of cooldown, {@code wait += 1}; when {@code wait ≥ patience} and
 *       {@code lr > min_lr}, the rate becomes {@code max(lr·factor, min_lr)}, the cooldown
 *       starts ({@code cooldown_counter = cooldown}) and {@code wait = 0}.</li>
 * </ol>
 * {@code best}, {@code wait} and the cooldown start afresh with each call to {@code fit}, as in
 * Keras; the reduced rate is the optimizer's, so it is saved with the model and a resumed run
 * continues from it. In {@code auto} mode the direction is the one the monitored metric declares
 * (loss down, accuracy up; Keras guesses from {@code "acc"} in the name, which agrees for these).
 * The learning rate must be a number: a schedule cannot be changed (Keras refuses too), and the
 * run fails at its start saying so. A monitored quantity that is not logged is an error.
 */
public final class ReduceLrOnPlateau implements CallbackType {
    private static final List<Hyperparameter> DECLARED = List.of(
            Hyperparameter.string("monitor", "val_loss"),
            Hyperparameter.number("factor", 0.1).greaterThan(0).lessThan(1),
            Hyperparameter.integer("patience", 10).atLeast(0),
            Hyperparameter.integer("verbose", 0).between(0, 2),
            Hyperparameter.string("mode", "auto"),
            Hyperparameter.number("min_delta", 1e-4).atLeast(0),
            Hyperparameter.integer("cooldown", 0).atLeast(0),
            Hyperparameter.number("min_lr", 0.0).atLeast(0));
    private static final List<String> MODES = List.of("auto", "min", "max");

    private final Hyperparameters values;

    /** The discovered instance, with Keras's defaults. */
    public ReduceLrOnPlateau() {
        this(Hyperparameters.resolve("callback 'reduce_lr_on_plateau'", DECLARED, Map.of()));
    }

    private ReduceLrOnPlateau(Hyperparameters values) {
        String mode = values.text("mode");
        if (!MODES.contains(mode)) {
            throw new HyperparameterException("mode", "callback 'reduce_lr_on_plateau': mode = '" + mode
                    + "' is not a mode; accepted: 'auto' (the direction the monitored metric declares), 'min' "
                    + "or 'max'.");
        }
        this.values = values;
    }

    @Override
    public String name() {
        return "reduce_lr_on_plateau";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return DECLARED;
    }

    @Override
    public CallbackType configure(Hyperparameters values) {
        return new ReduceLrOnPlateau(values);
    }

    @Override
    public TrainingListener start(Context context) {
        return new Listener(values);
    }

    /** The state of one call to fit. */
    private static final class Listener implements TrainingListener {
        private final String monitor;
        private final double factor;
        private final long patience;
        private final long verbose;
        private final String mode;
        private final double minDelta;
        private final long cooldown;
        private final double minLr;
        private boolean maximize;
        private double best;
        private long wait;
        private long cooldownCounter;

        Listener(Hyperparameters v) {
            monitor = v.text("monitor");
            factor = v.number("factor");
            patience = v.integer("patience");
            verbose = v.integer("verbose");
            mode = v.text("mode");
            minDelta = v.number("min_delta");
            cooldown = v.integer("cooldown");
            minLr = v.number("min_lr");
        }

        @Override
        public void onTrainBegin(Training training) {
            // Fail now, not at the first reduction epochs later: a schedule's rate cannot be set.
            try {
                training.setLearningRate(training.learningRate());
            } catch (IllegalStateException | UnsupportedOperationException | IllegalArgumentException e) {
                throw new IllegalStateException("reduce_lr_on_plateau changes the optimizer's learning rate, "
                        + "but it cannot: " + e.getMessage(), e);
            }
            maximize = mode.equals("max") || mode.equals("auto") && training.higherIsBetter(monitor);
            best = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            wait = 0;
            cooldownCounter = 0;
        }

        @Override
        public void onEpochEnd(Training training, int epoch, Map<String, Double> logs) {
            Double value = logs.get(monitor);
            if (value == null) {
                throw new IllegalArgumentException("reduce_lr_on_plateau monitors '" + monitor
                        + "', which is not logged; logged: " + logs.keySet());
            }
            double current = value;
            if (cooldownCounter > 0) {
                cooldownCounter--;
                wait = 0;
            }
            if (maximize ? current > best + minDelta : current < best - minDelta) {
                best = current;
                wait = 0;
            } else if (cooldownCounter == 0) {
                wait++;
                if (wait >= patience) {
                    double old = (float) training.learningRate();
                    if (old > (float) minLr) {
                        double reduced = Math.max(old * factor, minLr);
                        training.setLearningRate((float) reduced);
                        if (verbose > 0) {
                            training.out().println();
                            training.out().println("Epoch " + (epoch + 1) + ": ReduceLROnPlateau reducing learning "
                                    + "rate to " + reduced + ".");
                        }
                        cooldownCounter = cooldown;
                        wait = 0;
                    }
                }
            }
        }
    }
}
