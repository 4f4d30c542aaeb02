package org.neurite.metrics;

import org.neurite.core.spi.Metric;
import org.neurite.core.spi.MetricType;
import org.neurite.core.tensor.Matrix;

/** A regression error: per sample the mean over the columns of a function of the difference. */
abstract class ElementError implements MetricType {

    /** The error of one element whose prediction is {@code difference} away from the target. */
    abstract double error(double difference);

    @Override
    public final boolean isSampleMean() {
        return true;
    }

    @Override
    public final boolean higherIsBetter() {
        return false;
    }

    @Override
    public final Metric start(int outputColumns, int targetColumns) {
        Accuracies.requireSameWidth(name(), outputColumns, targetColumns);
        return new SampleMean() {
            @Override
            double value(Matrix p, Matrix t, int r) {
                double s = 0;
                for (int c = 0; c < p.cols(); c++) {
                    s += error((double) p.get(r, c) - t.get(r, c));
                }
                return s / p.cols();
            }
        };
    }
}
