package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.testkit.ActivationContract;

/** {@code elu} passes the activation contract of the test kit. */
class EluContractTest extends ActivationContract {
    @Override
    protected Activation activation() {
        return new Elu();
    }

    /** Samples stay clear of the second derivative jumps at 0 (and with alpha ≠ 1 the first too). */
    @Override
    protected boolean isDifferentiableAt(double z) {
        return z != 0;
    }
}
