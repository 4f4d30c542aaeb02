package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.testkit.ActivationContract;

/** {@code silu} passes the activation contract of the test kit. */
class SiluContractTest extends ActivationContract {
    @Override
    protected Activation activation() {
        return new Silu();
    }
}
