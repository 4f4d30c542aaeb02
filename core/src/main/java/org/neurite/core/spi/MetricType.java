package org.neurite.core.spi;

/**
 * A quantity reported per epoch, found by name: {@code accuracy}, {@code precision},
 * {@code auc}, ... A service interface: providers are found with
 * {@link java.util.ServiceLoader} and used by their {@link #name()}.
 *
 * <p>The shared instance holds only final hyperparameter values; each epoch or evaluation
 * accumulates in a fresh {@link Metric} from {@link #start}, over its batches, as Keras reports
 * a metric: the value over all samples seen so far, not a mean of batch values.
 *
 * <p>A minimal plugin, declared in {@code META-INF/services/org.neurite.core.spi.MetricType}:
 * <pre>{@code
 * public final class MaxError implements MetricType {
 *     public String name() { return "max_error"; }
 *     public boolean higherIsBetter() { return false; }
 *
 *     public Metric start(int outputColumns, int targetColumns) {
 *         return new Metric() {
 *             double max;
 *             public void update(Matrix p, Matrix t, Matrix weights) {
 *                 for (int i = 0; i < p.size(); i++) max = Math.max(max, Math.abs(p.data()[i] - t.data()[i]));
 *             }
 *             public double result() { return max; }
 *         };
 *     }
 * }
 * }</pre>
 */
public interface MetricType extends Component {

    /** This metric with the given, already validated hyperparameters. */
    default MetricType configure(Hyperparameters values) {
        return this;
    }

    /**
     * Whether larger values are better (accuracy, auc) or smaller (mean_squared_error): what
     * early stopping, checkpoints and learning-rate reductions that monitor it go by.
     */
    boolean higherIsBetter();

    /**
     * Whether the metric is a (weighted) mean over samples of one value per sample, like
     * accuracy or mean squared error, so that its results over parts of the data combine by a
     * weighted mean (what distributed training relies on). {@code false} for ratios of totals
     * such as precision or AUC.
     */
    default boolean isSampleMean() {
        return false;
    }

    /**
     * A fresh accumulator for a network of {@code outputColumns} outputs trained on targets of
     * {@code targetColumns} columns (one column of class indices for sparse targets).
     *
     * @throws IllegalArgumentException if this metric does not apply to such outputs, saying why
     */
    Metric start(int outputColumns, int targetColumns);
}
