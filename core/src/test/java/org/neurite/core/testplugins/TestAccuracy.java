package org.neurite.core.testplugins;

import org.neurite.core.spi.Metric;
import org.neurite.core.spi.MetricType;
import org.neurite.core.tensor.Matrix;

/**
 * Test-only metric {@code accuracy}: the share of rows whose largest output is at the target's
 * class (one-hot targets, or one column of class indices).
 */
public final class TestAccuracy implements MetricType {
    @Override
    public String name() {
        return "accuracy";
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public Metric start(int outputColumns, int targetColumns) {
        return new Metric() {
            long hits;
            long rows;

            @Override
            public void update(Matrix p, Matrix t, Matrix weights) {
                for (int r = 0; r < p.rows(); r++) {
                    int target = t.cols() == 1 ? (int) t.get(r, 0) : t.argmaxRow(r);
                    hits += p.argmaxRow(r) == target ? 1 : 0;
                }
                rows += p.rows();
            }

            @Override
            public double result() {
                return rows == 0 ? Double.NaN : (double) hits / rows;
            }
        };
    }
}
