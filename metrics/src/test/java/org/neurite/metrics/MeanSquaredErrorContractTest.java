package org.neurite.metrics;

import org.neurite.core.spi.MetricType;
import org.neurite.testkit.MetricContract;

class MeanSquaredErrorContractTest extends MetricContract {
    @Override
    protected MetricType metric() {
        return new MeanSquaredError();
    }
}
