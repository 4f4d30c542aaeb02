package org.neurite.metrics;

import org.neurite.core.spi.MetricType;

class RecallContractTest extends BinaryTargetsContract {
    @Override
    protected MetricType metric() {
        return new Recall();
    }
}
