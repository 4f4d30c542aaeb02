package org.neurite.metrics;

import java.util.List;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Metric;
import org.neurite.core.spi.MetricType;
import org.neurite.core.tensor.Matrix;

/**
 * {@code top_k_categorical_accuracy} ({@code k} 5): the target class is among the {@code k}
 * largest outputs. As TensorFlow's {@code in_top_k}, classes tied with the target's output count
 * in its favour: it is a hit when fewer than {@code k} outputs are strictly larger.
 */
public final class TopKCategoricalAccuracy implements MetricType {
    private final int k;

    public TopKCategoricalAccuracy() {
        this(5);
    }

    private TopKCategoricalAccuracy(int k) {
        this.k = k;
    }

    @Override
    public String name() {
        return "top_k_categorical_accuracy";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(Hyperparameter.integer("k", 5).atLeast(1));
    }

    @Override
    public MetricType configure(Hyperparameters values) {
        return new TopKCategoricalAccuracy((int) Math.min(Integer.MAX_VALUE, values.integer("k")));
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
        return new SampleMean() {
            @Override
            double value(Matrix p, Matrix t, int r) {
                float target = p.get(r, t.argmaxRow(r));
                int larger = 0;
                for (int c = 0; c < p.cols(); c++) {
                    larger += p.get(r, c) > target ? 1 : 0;
                }
                return larger < k ? 1 : 0;
            }
        };
    }
}
