package org.neurite.core.spi;

import java.nio.file.Path;
import org.neurite.core.train.TrainingListener;

/**
 * Something that acts during training, found by name: the plugin behind an entry of a
 * configuration's {@code training.callbacks} ({@code early_stopping}, {@code model_checkpoint},
 * {@code csv_logger}, ...). A service interface: providers are found with
 * {@link java.util.ServiceLoader} and used by their {@link #name()}.
 *
 * <p>The shared instance holds only final hyperparameter values; each training run gets its
 * own {@link TrainingListener} from {@link #start}, which sees the epochs and batches, the logs,
 * the network, and may ask training to stop.
 *
 * <p>A minimal plugin, declared in {@code META-INF/services/org.neurite.core.spi.CallbackType}:
 * <pre>{@code
 * public final class PrintLoss implements CallbackType {
 *     public String name() { return "print_loss"; }
 *
 *     public TrainingListener start(CallbackType.Context context) {
 *         return new TrainingListener() {
 *             public void onEpochEnd(Training training, int epoch, Map<String, Double> logs) {
 *                 System.out.println("epoch " + (epoch + 1) + ": " + logs.get("loss"));
 *             }
 *         };
 *     }
 * }
 * }</pre>
 */
public interface CallbackType extends Component {

    /** This callback with the given, already validated hyperparameters. */
    default CallbackType configure(Hyperparameters values) {
        return this;
    }

    /** The listener for one training run of the model {@code context} describes. */
    TrainingListener start(Context context);

    /** What a callback can do with the model being trained, beyond what listeners see. */
    interface Context {
        /**
         * Saves the model as it is now (parameters, optimizer state, history so far) to
         * {@code file}, atomically, in Neurite's model-file format.
         */
        void save(Path file);
    }
}
