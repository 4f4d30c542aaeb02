package org.neurite.metrics;

import java.util.List;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Metric;
import org.neurite.core.spi.MetricType;
import org.neurite.core.tensor.Matrix;

/**
 * A ratio of weighted confusion counts at one threshold ({@code thresholds}, default 0.5),
 * over every output element of the epoch, as Keras's {@code Precision} and {@code Recall}.
 */
abstract class ThresholdRatio implements MetricType {
    private final double threshold;

    ThresholdRatio(double threshold) {
        this.threshold = threshold;
    }

    /** The same metric at another threshold. */
    abstract ThresholdRatio withThreshold(double threshold);

    /** The ratio of the counts at index 0, 0 where its denominator is 0. */
    abstract double ratio(Confusion counts);

    @Override
    public final List<Hyperparameter> hyperparameters() {
        return List.of(Hyperparameter.number("thresholds", 0.5).between(0, 1));
    }

    @Override
    public final MetricType configure(Hyperparameters values) {
        return withThreshold(values.number("thresholds"));
    }

    @Override
    public final boolean higherIsBetter() {
        return true;
    }

    @Override
    public final Metric start(int outputColumns, int targetColumns) {
        Accuracies.requireSameWidth(name(), outputColumns, targetColumns);
        Confusion counts = new Confusion(new double[] {threshold});
        return new Metric() {
            @Override
            public void update(Matrix p, Matrix t, Matrix weights) {
                counts.update(p, t, weights);
            }

            @Override
            public double result() {
                return ratio(counts);
            }
        };
    }
}
