package org.neurite.optimizers;

import java.util.List;
import java.util.Map;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.spi.OptimizerSettings;

/**
 * AdamW, {@code adamw} (Loshchilov and Hutter): Adam with decoupled weight decay, as Keras 3
 * defines it: {@code adam} with {@code weight_decay} defaulting to 0.004 instead of off. Core
 * applies the decay, {@code w ← w − w·weight_decay·lr}, after clipping and before the Adam
 * update, with the step's learning rate.
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
public final class AdamW extends AdamFamily {
    /** The registry name. */
    public static final String NAME = "adamw";

    private static final List<Hyperparameter> HYPERPARAMETERS = declarations(0.004);

    /** AdamW with Keras's defaults: learning_rate 0.001, weight_decay 0.004, beta_1 0.9,
     * beta_2 0.999, epsilon 1e-7. */
    public AdamW() {
        this(Map.of());
    }

    private AdamW(Map<String, ?> given) {
        super(NAME, HYPERPARAMETERS, given);
    }

    @Override
    protected AdamW with(Map<String, ?> values) {
        return new AdamW(values);
    }
}
