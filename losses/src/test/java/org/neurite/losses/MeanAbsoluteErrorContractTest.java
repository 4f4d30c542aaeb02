package org.neurite.losses;

import org.neurite.core.spi.Loss;
import org.neurite.testkit.LossContract;

/** The plugin contract; predictions in (0.05, 0.95) and 0/1 targets stay clear of the kink at p = t. */
class MeanAbsoluteErrorContractTest extends LossContract {
    @Override
    protected Loss loss() {
        return new MeanAbsoluteError();
    }
}
