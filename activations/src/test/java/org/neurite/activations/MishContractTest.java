package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.testkit.ActivationContract;

/** {@code mish} passes the activation contract of the test kit. */
class MishContractTest extends ActivationContract {
    @Override
    protected Activation activation() {
        return new Mish();
    }
}
