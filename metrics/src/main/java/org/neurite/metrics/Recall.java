package org.neurite.metrics;

import java.util.List;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Metric;
import org.neurite.core.spi.MetricType;
import org.neurite.core.tensor.Matrix;

/**
 * {@code recall} ({@code thresholds} 0.5): true positives over actual positives, over
 * every output element of the epoch; 0 when there was no positive target (Keras's
 * {@code Recall}).
 */
public final class Recall implements MetricType {
    private final double threshold;

    public Recall() {
        this(0.5);
    }

    private Recall(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return "recall";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(Hyperparameter.number("thresholds", 0.5).between(0, 1));
    }

    @Override
    public MetricType configure(Hyperparameters values) {
        return new Recall(values.number("thresholds"));
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
                return Confusion.divideNoNan(counts.tp[0], counts.tp[0] + counts.fn[0]);
            }
        };
    }
}
