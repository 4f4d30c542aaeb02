package org.neurite.metrics;

import org.neurite.core.spi.MetricType;

class BinaryAccuracyContractTest extends BinaryTargetsContract {
    @Override
    protected MetricType metric() {
        return new BinaryAccuracy();
    }
}
