package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.testkit.ActivationContract;

/** {@code gelu} passes the activation contract of the test kit. */
class GeluContractTest extends ActivationContract {
    @Override
    protected Activation activation() {
        return new Gelu();
    }
}
