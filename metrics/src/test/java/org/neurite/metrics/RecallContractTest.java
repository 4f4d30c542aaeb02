package org.neurite.metrics;

import java.util.SplittableRandom;
import org.neurite.core.spi.MetricType;
import org.neurite.core.tensor.Matrix;
import org.neurite.testkit.MetricContract;

class RecallContractTest extends MetricContract {
    @Override
    protected MetricType metric() {
        return new Recall();
    }

    @Override
    protected Matrix targets(int rows, SplittableRandom random) {
        Matrix t = new Matrix(rows, outputColumns());
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = random.nextBoolean() ? 1 : 0;
        }
        return t;
    }
}
