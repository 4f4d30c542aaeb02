package org.neurite.activations;

import org.neurite.core.spi.Activation;
import org.neurite.testkit.ActivationContract;

/** {@code softsign} passes the activation contract of the test kit. */
class SoftsignContractTest extends ActivationContract {
    @Override
    protected Activation activation() {
        return new Softsign();
    }
}
