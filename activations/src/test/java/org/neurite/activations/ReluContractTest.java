package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.testkit.ActivationContract;

/** {@code relu} passes the activation contract of the test kit. */
class ReluContractTest extends ActivationContract {
    @Override
    protected Activation activation() {
        return new Relu();
    }

    /** Samples stay clear of the kink at 0. */
    @Override
    protected boolean isDifferentiableAt(double z) {
        return z != 0;
    }
}
