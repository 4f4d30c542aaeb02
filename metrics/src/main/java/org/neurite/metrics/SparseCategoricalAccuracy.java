package org.neurite.metrics;

import org.neurite.core.spi.Metric;
import org.neurite.core.spi.MetricType;

/** {@code sparse_categorical_accuracy}: argmax of the output equals the target class index. */
public final class SparseCategoricalAccuracy implements MetricType {
    @Override
    public String name() {
        return "sparse_categorical_accuracy";
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
        if (targetColumns != 1) {
            throw new IllegalArgumentException(name() + " needs targets of one column of class indices, but "
                    + "they have " + targetColumns + " columns; for one-hot targets use categorical_accuracy");
        }
        return Accuracies.sparseCategorical();
    }
}
