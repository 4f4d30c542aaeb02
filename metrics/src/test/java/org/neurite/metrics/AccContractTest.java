package org.neurite.metrics;

import org.neurite.core.spi.MetricType;
import org.neurite.testkit.MetricContract;

class AccContractTest extends MetricContract {
    @Override
    protected MetricType metric() {
        return new Acc();
    }
}
