package org.neurite.metrics;

import org.neurite.core.spi.Metric;
import org.neurite.core.spi.MetricType;

/** {@code categorical_accuracy}: argmax of the output equals argmax of the one-hot target. */
public final class CategoricalAccuracy implements MetricType {
    @Override
    public String name() {
        return "categorical_accuracy";
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
        Accuracies.requireSameWidth(name(), outputColumns, targetColumns);
        return Accuracies.categorical();
    }
}
