package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.testkit.ActivationContract;

/** {@code tanh} passes the activation contract of the test kit. */
class TanhContractTest extends ActivationContract {
    @Override
    protected Activation activation() {
        return new Tanh();
    }
}
