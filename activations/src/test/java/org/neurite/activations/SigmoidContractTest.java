package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.testkit.ActivationContract;

/** {@code sigmoid} passes the activation contract of the test kit. */
class SigmoidContractTest extends ActivationContract {
    @Override
    protected Activation activation() {
        return new Sigmoid();
    }
}
