package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.testkit.ActivationContract;

/** {@code log_softmax} passes the activation contract of the test kit. */
class LogSoftmaxContractTest extends ActivationContract {
    @Override
    protected Activation activation() {
        return new LogSoftmax();
    }
}
