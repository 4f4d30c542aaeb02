package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.testkit.ActivationContract;

/** {@code relu6} passes the activation contract of the test kit. */
class Relu6ContractTest extends ActivationContract {
    @Override
    protected Activation activation() {
        return new Relu6();
    }

    /** The kinks are at 0 and 6. */
    @Override
    protected boolean isDifferentiableAt(double z) {
        return z != 0 && z != 6;
    }
}
