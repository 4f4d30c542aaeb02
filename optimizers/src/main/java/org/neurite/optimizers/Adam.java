package org.neurite.optimizers;

import java.util.List;
import java.util.Map;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.spi.OptimizerSettings;

/**
 * Adam, {@code adam} (Kingma and Ba), with Keras's defaults and optional AMSGrad.
 *
 * <p>At step {@code t} (counted from 1), for each weight, with {@code lr} the step's learning
 * rate:
 * <pre>
 * m ← β1·m + (1 − β1)·g            computed as m += (g − m)·(1 − β1), as TensorFlow
 * v ← β2·v + (1 − β2)·g²           computed as v += (g² − v)·(1 − β2)
 * v̂ ← max(v̂, v)                    AMSGrad only; otherwise v̂ = v
 * lr_t = lr·sqrt(1 − β2^t) / (1 − β1^t)
 * w ← w − lr_t·m / (sqrt(v̂) + ε)
 * </pre>
 * {@code lr_t} is computed in double once per step, the rest in float. Slots:
 * {@code m/<parameter>}, {@code v/<parameter>} and, with AMSGrad, {@code vhat/<parameter>}.
 * Takes the standard options of {@link OptimizerSettings}.
 *
 * <p>Immutable and thread-safe; the state of a run lives in its {@link Optimizer.Updater}.
 */
public final class Adam extends AdamFamily {
    /** The registry name. */
    public static final String NAME = "adam";

    private static final List<Hyperparameter> HYPERPARAMETERS = declarations(null);

    /** Adam with Keras's defaults: learning_rate 0.001, beta_1 0.9, beta_2 0.999, epsilon 1e-7. */
    public Adam() {
        this(Map.of());
    }

    private Adam(Map<String, ?> given) {
        super(NAME, HYPERPARAMETERS, given);
    }

    @Override
    protected Adam with(Map<String, ?> values) {
        return new Adam(values);
    }
}
