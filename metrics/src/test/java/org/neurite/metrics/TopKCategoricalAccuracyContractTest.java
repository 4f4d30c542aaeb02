package org.neurite.metrics;

import org.neurite.core.spi.MetricType;
import org.neurite.testkit.MetricContract;

class TopKCategoricalAccuracyContractTest extends MetricContract {
    @Override
    protected MetricType metric() {
        return new TopKCategoricalAccuracy();
    }

    @Override
    protected int outputColumns() {
        return 8;
    }
}
