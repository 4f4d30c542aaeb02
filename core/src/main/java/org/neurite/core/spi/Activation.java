package org.neurite.core.spi;

import org.neurite.core.tensor.Matrix;

/**
 * An activation function, applied to a batch of pre-activations. A service interface: providers
 * are found with {@link java.util.ServiceLoader} and used by their {@link #name()}.
 *
 * <p><b>Shapes.</b> A batch is an {@code n×k} matrix with one sample per row. {@code forward}
 * and {@code backward} receive matrices of one shape and write into a matrix of the same shape;
 * outputs never alias inputs. An activation may act on each element (relu) or on each row as a
 * whole (softmax).
 *
 * <p><b>Gradient.</b> {@link #backward} returns, in {@code gradZ}, dL/dz given dL/da, where
 * {@code a = forward(z)}: for element-wise functions {@code gradZ = gradA · f'(z)}; for row-wise
 * ones the full vector-Jacobian product of each row, {@code gradZ_i = Σ_j gradA_j ∂a_j/∂z_i}.
 *
 * <p><b>Sharing and state.</b> The discovered instance is shared by every network that uses
 * the name, possibly from several threads at once: implementations hold no mutable state, only
 * final hyperparameter values. {@link #configure} returns a new instance for other values.
 *
 * <p>A minimal plugin, declared in {@code META-INF/services/org.neurite.core.spi.Activation}:
 * <pre>{@code
 * public final class Square implements Activation {
 *     public String name() { return "square"; }
 *
 *     public void forward(Matrix z, Matrix a) {
 *         float[] in = z.data(), out = a.data();
 *         for (int i = 0; i < in.length; i++) out[i] = in[i] * in[i];
 *     }
 *
 *     public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
 *         float[] in = z.data(), g = gradA.data(), out = gradZ.data();
 *         for (int i = 0; i < in.length; i++) out[i] = 2 * in[i] * g[i];
 *     }
 * }
 * }</pre>
 */
public interface Activation extends Component {

    /**
     * This activation with the given hyperparameters, already validated against
     * {@link #hyperparameters()}. Activations without hyperparameters return {@code this}.
     */
    default Activation configure(Hyperparameters values) {
        return this;
    }

    /**
     * Computes {@code a = f(z)}.
     *
     * @param z pre-activations, n×k
     * @param a output, n×k, overwritten
     */
    void forward(Matrix z, Matrix a);

    /**
     * Computes dL/dz from dL/da.
     *
     * @param z     the pre-activations given to {@link #forward}
     * @param a     the activations {@link #forward} computed from {@code z}
     * @param gradA dL/da, n×k
     * @param gradZ output dL/dz, n×k, overwritten
     */
    void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ);

}
