package org.neurite.metrics;

import org.neurite.core.spi.MetricType;
import org.neurite.testkit.MetricContract;

class MeanAbsoluteErrorContractTest extends MetricContract {
    @Override
    protected MetricType metric() {
        return new MeanAbsoluteError();
    }
}
