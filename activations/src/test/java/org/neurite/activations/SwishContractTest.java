package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.testkit.ActivationContract;

/** {@code swish} passes the activation contract of the test kit. */
class SwishContractTest extends ActivationContract {
    @Override
    protected Activation activation() {
        return new Swish();
    }
}
