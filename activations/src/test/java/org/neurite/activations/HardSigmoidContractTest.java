package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.testkit.ActivationContract;

/** {@code hard_sigmoid} passes the activation contract of the test kit. */
class HardSigmoidContractTest extends ActivationContract {
    @Override
    protected Activation activation() {
        return new HardSigmoid();
    }

    /** Keras 3's definition has its kinks at ±3. */
    @Override
    protected boolean isDifferentiableAt(double z) {
        return Math.abs(Math.abs(z) - 3) > 1e-3;
    }
}
