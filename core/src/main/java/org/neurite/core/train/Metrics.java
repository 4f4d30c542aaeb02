package org.neurite.core.train;

import java.util.List;
import org.neurite.core.internal.Names;
import org.neurite.core.tensor.Matrix;

/**
 * The built-in metrics, resolved by name as Keras does: {@code accuracy} becomes binary
 * accuracy for one output column, sparse categorical accuracy for one target column of class
 * indices, categorical accuracy otherwise.
 */
public final class Metrics {
    /** The names {@link #resolve} accepts. */
    public static final List<String> NAMES = List.of("accuracy", "acc", "binary_accuracy",
            "categorical_accuracy", "sparse_categorical_accuracy");

    private Metrics() {
    }

    /**
     * The metric called {@code name} for a network with {@code outputColumns} outputs trained on
     * targets with {@code targetColumns} columns.
     *
     * @throws IllegalArgumentException for an unknown name, listing the accepted ones
     */
    public static Metric resolve(String name, int outputColumns, int targetColumns) {
        return switch (name) {
            case "accuracy", "acc" -> {
                if (outputColumns == 1) {
                    yield new BinaryAccuracy(name);
                }
                yield targetColumns == 1 ? new SparseCategoricalAccuracy(name)
                        : new CategoricalAccuracy(name);
            }
            case "binary_accuracy" -> new BinaryAccuracy(name);
            case "categorical_accuracy" -> new CategoricalAccuracy(name);
            case "sparse_categorical_accuracy" -> new SparseCategoricalAccuracy(name);
            default -> throw new IllegalArgumentException("Unknown metric '" + name + "'. "
                    + Names.didYouMean(name, NAMES) + "Accepted: " + String.join(", ", NAMES) + ".");
        };
    }

    /** The index of the largest value in row {@code r}; ties go to the lowest index. */
    public static int argmax(Matrix m, int r) {
        float[] d = m.data();
        int o = r * m.cols();
        int best = 0;
        for (int c = 1; c < m.cols(); c++) {
            if (d[o + c] > d[o + best]) {
                best = c;
            }
        }
        return best;
    }

    private record CategoricalAccuracy(String name) implements Metric {
        @Override
        public double compute(Matrix p, Matrix t) {
            int hits = 0;
            for (int r = 0; r < p.rows(); r++) {
                hits += argmax(p, r) == argmax(t, r) ? 1 : 0;
            }
            return p.rows() == 0 ? 0 : (double) hits / p.rows();
        }
    }

    private record SparseCategoricalAccuracy(String name) implements Metric {
        @Override
        public double compute(Matrix p, Matrix t) {
            int hits = 0;
            for (int r = 0; r < p.rows(); r++) {
                hits += argmax(p, r) == (int) t.data()[r] ? 1 : 0;
            }
            return p.rows() == 0 ? 0 : (double) hits / p.rows();
        }
    }

    /** Keras's binary accuracy: prediction above 0.5 equals target, element-wise mean. */
    private record BinaryAccuracy(String name) implements Metric {
        @Override
        public double compute(Matrix p, Matrix t) {
            float[] pd = p.data();
            float[] td = t.data();
            int hits = 0;
            for (int i = 0; i < pd.length; i++) {
                hits += (pd[i] > 0.5f ? 1f : 0f) == td[i] ? 1 : 0;
            }
            return pd.length == 0 ? 0 : (double) hits / pd.length;
        }
    }
}
