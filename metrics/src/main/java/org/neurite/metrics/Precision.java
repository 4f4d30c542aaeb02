package org.neurite.metrics;

import java.util.List;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Metric;
import org.neurite.core.spi.MetricType;
import org.neurite.core.tensor.Matrix;

/**
 * {@code precision} ({@code thresholds} 0.5): true positives over predicted positives, over
 * every output element of the epoch; 0 when nothing was predicted positive (Keras's
 * {@code Precision}).
 */
public final class Precision implements MetricType {
    private final double threshold;

    public Precision() {
        this(0.5);
    }

    private Precision(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return "precision";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(Hyperparameter.number("thresholds", 0.5).between(0, 1));
    }

    @Override
    public MetricType configure(Hyperparameters values) {
        return new Precision(values.number("thresholds"));
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public Metric start(int outputColumns, int targetColumns) {
        Accuracies.requireSameWidth(name(), outputColumns, targetColumns);
        Confusion counts = new Confusion(new double[] {threshold});
        return new Metric() {
            @Override
            public void update(Matrix p, Matrix t, Matrix weights) {
                counts.update(p, t, weights);
            }

            @Override
            public double result() {
                return Confusion.divideNoNan(counts.tp[0], counts.tp[0] + counts.fp[0]);
            }
        };
    }
}
