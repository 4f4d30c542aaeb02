package org.neurite.metrics;

import org.neurite.core.spi.MetricType;
import org.neurite.testkit.MetricContract;

class SparseCategoricalAccuracyContractTest extends MetricContract {
    @Override
    protected MetricType metric() {
        return new SparseCategoricalAccuracy();
    }

    @Override
    protected int targetColumns() {
        return 1;
    }
}
