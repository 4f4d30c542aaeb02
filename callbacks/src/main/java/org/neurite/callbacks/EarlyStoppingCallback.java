package org.neurite.callbacks;

import java.util.List;
import org.neurite.core.spi.CallbackType;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.train.EarlyStopping;
import org.neurite.core.train.TrainingListener;

/**
 * {@code early_stopping}: Keras's {@code EarlyStopping} ({@code monitor} val_loss,
 * {@code min_delta} 0, {@code patience} 0, {@code restore_best_weights} false), the direction of
 * improvement taken from the monitored metric. The same as the {@code training.early_stopping}
 * section, as a callback.
 */
public final class EarlyStoppingCallback implements CallbackType {
    private final Hyperparameters values;

    public EarlyStoppingCallback() {
        this(null);
    }

    private EarlyStoppingCallback(Hyperparameters values) {
        this.values = values;
    }

    @Override
    public String name() {
        return "early_stopping";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(Hyperparameter.string("monitor", "val_loss"),
                Hyperparameter.number("min_delta", 0).atLeast(0),
                Hyperparameter.integer("patience", 0).atLeast(0),
                Hyperparameter.bool("restore_best_weights", false));
    }

    @Override
    public CallbackType configure(Hyperparameters values) {
        return new EarlyStoppingCallback(values);
    }

    @Override
    public TrainingListener start(Context context) {
        Hyperparameters v = values != null ? values
                : Hyperparameters.resolve("callback 'early_stopping'", hyperparameters(), java.util.Map.of());
        return new EarlyStopping(v.text("monitor"), v.number("min_delta"),
                (int) Math.min(Integer.MAX_VALUE, v.integer("patience")), v.bool("restore_best_weights"));
    }
}
