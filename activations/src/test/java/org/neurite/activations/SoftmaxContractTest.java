package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.testkit.ActivationContract;

/** {@code softmax} passes the activation contract of the test kit. */
class SoftmaxContractTest extends ActivationContract {
    @Override
    protected Activation activation() {
        return new Softmax();
    }
}
