package org.neurite.metrics;

import java.util.SplittableRandom;
import org.neurite.core.tensor.Matrix;
import org.neurite.testkit.MetricContract;

/** The metric contract with 0/1 targets in every column, for the thresholded metrics. */
abstract class BinaryTargetsContract extends MetricContract {
    @Override
    protected Matrix targets(int rows, SplittableRandom random) {
        Matrix t = new Matrix(rows, outputColumns());
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = random.nextBoolean() ? 1 : 0;
        }
        return t;
    }
}
