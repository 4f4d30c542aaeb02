package org.neurite.metrics;

import org.neurite.core.spi.MetricType;

class AucContractTest extends BinaryTargetsContract {
    @Override
    protected MetricType metric() {
        return new Auc();
    }
}
