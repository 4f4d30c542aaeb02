package org.neurite.losses;

import org.neurite.core.spi.Loss;
import org.neurite.testkit.LossContract;

/** The plugin contract. */
class MeanSquaredErrorContractTest extends LossContract {
    @Override
    protected Loss loss() {
        return new MeanSquaredError();
    }
}
