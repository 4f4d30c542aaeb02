package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.testkit.ActivationContract;

/** {@code selu} passes the activation contract of the test kit. */
class SeluContractTest extends ActivationContract {
    @Override
    protected Activation activation() {
        return new Selu();
    }

    /** The derivative jumps at 0 (from scale·alpha to scale). */
    @Override
    protected boolean isDifferentiableAt(double z) {
        return z != 0;
    }
}
