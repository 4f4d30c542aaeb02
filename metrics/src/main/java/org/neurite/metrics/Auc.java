package org.neurite.metrics;

import java.util.List;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Metric;
import org.neurite.core.spi.MetricType;
import org.neurite.core.tensor.Matrix;

/**
 * {@code auc} ({@code num_thresholds} 200): the area under the ROC curve as Keras's {@code AUC}
 * computes it with its defaults: confusion counts at {@code num_thresholds} thresholds evenly
 * spaced over [0, 1] (the first just below 0, the last just above 1), and the trapezoidal rule
 * over (false positive rate, true positive rate).
 */
public final class Auc implements MetricType {
    private static final double EPSILON = 1e-7;
    private final int numThresholds;

    public Auc() {
        this(200);
    }

    private Auc(int numThresholds) {
        this.numThresholds = numThresholds;
    }

    @Override
    public String name() {
        return "auc";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(Hyperparameter.integer("num_thresholds", 200).between(2, 100_000));
    }

    @Override
    public MetricType configure(Hyperparameters values) {
        return new Auc((int) values.integer("num_thresholds"));
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    /** Keras's thresholds: {@code -ε, 1/(n-1), ..., (n-2)/(n-1), 1+ε}. */
    static double[] thresholds(int n) {
        double[] t = new double[n];
        t[0] = -EPSILON;
        for (int i = 1; i < n - 1; i++) {
            t[i] = (double) i / (n - 1);
        }
        t[n - 1] = 1 + EPSILON;
        return t;
    }

    @Override
    public Metric start(int outputColumns, int targetColumns) {
        Accuracies.requireSameWidth(name(), outputColumns, targetColumns);
        Confusion counts = new Confusion(thresholds(numThresholds));
        return new Metric() {
            @Override
            public void update(Matrix p, Matrix t, Matrix weights) {
                counts.update(p, t, weights);
            }

            @Override
            public double result() {
                double area = 0;
                for (int i = 0; i < numThresholds - 1; i++) {
                    double x0 = Confusion.divideNoNan(counts.fp[i], counts.fp[i] + counts.tn[i]);
                    double x1 = Confusion.divideNoNan(counts.fp[i + 1], counts.fp[i + 1] + counts.tn[i + 1]);
                    double y0 = Confusion.divideNoNan(counts.tp[i], counts.tp[i] + counts.fn[i]);
                    double y1 = Confusion.divideNoNan(counts.tp[i + 1], counts.tp[i + 1] + counts.fn[i + 1]);
                    area += (x0 - x1) * (y0 + y1) / 2;
                }
                return area;
            }
        };
    }
}
