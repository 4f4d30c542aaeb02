package org.neurite.optimizers;

import org.neurite.core.spi.Optimizer;
import org.neurite.testkit.OptimizerContract;

/** The plugin contract, with the defaults a discovered instance has. */
class AdamWContractTest extends OptimizerContract {
    @Override
    protected Optimizer optimizer() {
        return new AdamW();
    }
}
