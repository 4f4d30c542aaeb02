package org.neurite.optimizers;

import java.util.Map;
import org.neurite.core.spi.Optimizer;
import org.neurite.testkit.OptimizerContract;

/** The plugin contract again with a velocity slot and decay: the stateful form of SGD. */
class SgdWithNesterovMomentumContractTest extends OptimizerContract {
    @Override
    protected Optimizer optimizer() {
        return Training.configured(new Sgd(), Map.of("momentum", 0.9, "nesterov", true, "decay", 0.01));
    }

    /**
     * Left out: it compares {@code configure(defaults)} with the instance under test, which is
     * deliberately not the default one here ({@link SgdContractTest} runs it on the defaults).
     */
    @Override
    protected void defaultsResolveAndConfigureWithThemGivesAnEquivalentInstance() {
    }
}
