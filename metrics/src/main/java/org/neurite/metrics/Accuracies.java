package org.neurite.metrics;

import org.neurite.core.spi.Metric;
import org.neurite.core.tensor.Matrix;

/** The per-sample rules of the accuracy family. */
final class Accuracies {
    private Accuracies() {
    }

    /** Argmax of the prediction equals argmax of the one-hot target; ties go to the lowest class. */
    static Metric categorical() {
        return new SampleMean() {
            @Override
            double value(Matrix p, Matrix t, int r) {
                return p.argmaxRow(r) == t.argmaxRow(r) ? 1 : 0;
            }
        };
    }

    /** Argmax of the prediction equals the class index in the target's one column. */
    static Metric sparseCategorical() {
        return new SampleMean() {
            @Override
            double value(Matrix p, Matrix t, int r) {
                return p.argmaxRow(r) == (int) t.get(r, 0) ? 1 : 0;
            }
        };
    }

    /** The share of columns where {@code prediction > threshold} equals the 0/1 target. */
    static Metric binary(double threshold) {
        return new SampleMean() {
            @Override
            double value(Matrix p, Matrix t, int r) {
                int hits = 0;
                for (int c = 0; c < p.cols(); c++) {
                    hits += (p.get(r, c) > threshold ? 1f : 0f) == t.get(r, c) ? 1 : 0;
                }
                return (double) hits / p.cols();
            }
        };
    }

    static void requireSameWidth(String name, int outputColumns, int targetColumns) {
        if (outputColumns != targetColumns) {
            throw new IllegalArgumentException(name + " compares outputs and targets column by column, but "
                    + "the network has " + outputColumns + " outputs and the targets " + targetColumns
                    + " columns; for class indices use sparse_categorical_accuracy");
        }
    }
}
