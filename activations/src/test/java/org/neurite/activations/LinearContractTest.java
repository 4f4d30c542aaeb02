package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.testkit.ActivationContract;

/** {@code linear} passes the activation contract of the test kit. */
class LinearContractTest extends ActivationContract {
    @Override
    protected Activation activation() {
        return new Linear();
    }
}
