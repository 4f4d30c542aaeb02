package org.neurite.callbacks;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.neurite.core.spi.CallbackType;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.HyperparameterException;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.train.Training;
import org.neurite.core.train.TrainingListener;

/**
 * {@code model_checkpoint}: saves the model at the end of epochs, as Keras's
 * {@code ModelCheckpoint}: {@code filepath} (required; {@code {epoch}} and logged quantities as
 * placeholders, with Python-style formats such as {@code model-{epoch:02d}-{val_loss:.3f}.neurite}),
 * {@code monitor} (val_loss) and {@code save_best_only} (false: every epoch; true: only when the
 * monitored quantity improved, in the direction its metric declares). Each file is a complete
 * model file, written atomically.
 */
public final class ModelCheckpoint implements CallbackType {
    private final String filepath;
    private final String monitor;
    private final boolean saveBestOnly;

    public ModelCheckpoint() {
        this(null, "val_loss", false);
    }

    private ModelCheckpoint(String filepath, String monitor, boolean saveBestOnly) {
        this.filepath = filepath;
        this.monitor = monitor;
        this.saveBestOnly = saveBestOnly;
    }

    @Override
    public String name() {
        return "model_checkpoint";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(Hyperparameter.string("filepath", "").required(),
                Hyperparameter.string("monitor", "val_loss"),
                Hyperparameter.bool("save_best_only", false));
    }

    @Override
    public CallbackType configure(Hyperparameters values) {
        String path = values.text("filepath");
        try {
            FilePattern.format(path, 0, Map.of(), true);
        } catch (IllegalArgumentException e) {
            throw new HyperparameterException("filepath", "callback 'model_checkpoint': filepath = '" + path
                    + "': " + e.getMessage());
        }
        return new ModelCheckpoint(path, values.text("monitor"), values.bool("save_best_only"));
    }

    @Override
    public TrainingListener start(Context context) {
        if (filepath == null) {
            throw new IllegalStateException("model_checkpoint needs a filepath: configure it");
        }
        return new TrainingListener() {
            private boolean maximize;
            private double best;

            @Override
            public void onTrainBegin(Training training) {
                maximize = training.higherIsBetter(monitor);
                best = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }

            @Override
            public void onEpochEnd(Training training, int epoch, Map<String, Double> logs) {
                if (saveBestOnly) {
                    Double value = logs.get(monitor);
                    if (value == null) {
                        throw new IllegalArgumentException("model_checkpoint monitors '" + monitor
                                + "', which is not logged; logged: " + logs.keySet());
                    }
                    if (!(maximize ? value > best : value < best)) {
                        return;
                    }
                    best = value;
                }
                context.save(Path.of(FilePattern.format(filepath, epoch + 1, logs, false)));
            }
        };
    }
}
