package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.testkit.ActivationContract;

/** {@code exponential} passes the activation contract of the test kit. */
class ExponentialContractTest extends ActivationContract {
    @Override
    protected Activation activation() {
        return new Exponential();
    }
}
