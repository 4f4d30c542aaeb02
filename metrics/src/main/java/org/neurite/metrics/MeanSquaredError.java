package org.neurite.metrics;

import org.neurite.core.spi.Metric;
import org.neurite.core.spi.MetricType;
import org.neurite.core.tensor.Matrix;

/** {@code mean_squared_error}: per sample the mean of the squared differences over the columns. */
public final class MeanSquaredError implements MetricType {
    @Override
    public String name() {
        return "mean_squared_error";
    }

    @Override
    public boolean isSampleMean() {
        return true;
    }

    @Override
    public boolean higherIsBetter() {
        return false;
    }

    @Override
    public Metric start(int outputColumns, int targetColumns) {
        Accuracies.requireSameWidth(name(), outputColumns, targetColumns);
        return new SampleMean() {
            @Override
            double value(Matrix p, Matrix t, int r) {
                double s = 0;
                for (int c = 0; c < p.cols(); c++) {
                    double d = (double) p.get(r, c) - t.get(r, c);
                    s += d * d;
                }
                return s / p.cols();
            }
        };
    }
}
