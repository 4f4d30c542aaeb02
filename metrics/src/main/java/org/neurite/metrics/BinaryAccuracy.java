package org.neurite.metrics;

import java.util.List;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Metric;
import org.neurite.core.spi.MetricType;

/** {@code binary_accuracy} ({@code threshold} 0.5): the share of outputs on the target's side. */
public final class BinaryAccuracy implements MetricType {
    private final double threshold;

    public BinaryAccuracy() {
        this(0.5);
    }

    private BinaryAccuracy(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return "binary_accuracy";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(Hyperparameter.number("threshold", 0.5).between(0, 1));
    }

    @Override
    public MetricType configure(Hyperparameters values) {
        return new BinaryAccuracy(values.number("threshold"));
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
        return Accuracies.binary(threshold);
    }
}
