package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.testkit.ActivationContract;

/** {@code softplus} passes the activation contract of the test kit. */
class SoftplusContractTest extends ActivationContract {
    @Override
    protected Activation activation() {
        return new Softplus();
    }
}
