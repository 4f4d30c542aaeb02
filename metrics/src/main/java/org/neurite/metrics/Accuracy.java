package org.neurite.metrics;

import org.neurite.core.spi.Metric;
import org.neurite.core.spi.MetricType;

/**
 * {@code accuracy}, resolved as Keras resolves it: binary accuracy for one output column,
 * sparse categorical accuracy for targets of one column of class indices, categorical
 * accuracy otherwise.
 */
public class Accuracy implements MetricType {
    @Override
    public String name() {
        return "accuracy";
    }

    @Override
    public boolean isSampleMean() {
        return true;
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public Metric start(int outputColumns, int targetColumns) {
        if (outputColumns == 1) {
            return Accuracies.binary(0.5);
        }
        return targetColumns == 1 ? Accuracies.sparseCategorical() : Accuracies.categorical();
    }
}
