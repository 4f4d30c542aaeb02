package org.neurite.metrics;

import org.neurite.core.spi.MetricType;

class PrecisionContractTest extends BinaryTargetsContract {
    @Override
    protected MetricType metric() {
        return new Precision();
    }
}
