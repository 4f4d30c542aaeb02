package org.neurite.core.spi;

import org.neurite.core.tensor.Matrix;

/**
 * A penalty on a layer's weights or outputs that training adds to the loss, Keras's
 * {@code Regularizer}: the plugin behind a layer's {@code kernel_regularizer},
 * {@code bias_regularizer} and {@code activity_regularizer}. A service interface: providers are
 * found with {@link java.util.ServiceLoader} and used by their {@link #name()}.
 *
 * <p><b>How training uses it</b> (Keras 3's arithmetic). A weight regularizer's penalty of the
 * weights' current values, and an activity regularizer's penalty of the layer's output divided
 * by the batch's rows, are added to the loss of every training and evaluation batch (so
 * {@code loss} and {@code val_loss} include them; the metrics do not), and their gradients to
 * the parameters' gradients before the optimizer clips and steps.
 *
 * <p>A minimal plugin, declared in {@code META-INF/services/org.neurite.core.spi.Regularizer}:
 * <pre>{@code
 * public final class SumOfSquares implements Regularizer {       // 0.5·Σx²
 *     public String name() { return "sum_of_squares"; }
 *     public double penalty(Matrix x) {
 *         double s = 0;
 *         for (float v : x.data()) s += 0.5 * v * v;
 *         return s;
 *     }
 *     public void addGradient(Matrix x, double scale, Matrix grad) {
 *         for (int i = 0; i < x.size(); i++) grad.data()[i] += (float) (scale * x.data()[i]);
 *     }
 * }
 * }</pre>
 *
 * <p>Instances are shared and used from several threads: they hold only final hyperparameter
 * values. Neither method modifies {@code x} or allocates.
 */
public interface Regularizer extends Component {

    /** This regularizer with the given, already validated hyperparameters. */
    default Regularizer configure(Hyperparameters values) {
        return this;
    }

    /** The penalty of {@code x} (any shape), computed in double. */
    double penalty(Matrix x);

    /**
     * Adds {@code scale} times the gradient of {@link #penalty} at {@code x} to {@code grad}
     * (the shape of {@code x}), element by element.
     */
    void addGradient(Matrix x, double scale, Matrix grad);
}
