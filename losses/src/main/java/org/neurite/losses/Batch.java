package org.neurite.losses;

import org.neurite.core.tensor.Matrix;

/** Shape and label checks shared by the losses of this package, with the messages users read. */
final class Batch {
    private Batch() {
    }

    /** Fails unless {@code targets} has the shape of {@code predictions}. */
    static void requireSameShape(String loss, Matrix predictions, Matrix targets) {
        if (targets.rows() != predictions.rows() || targets.cols() != predictions.cols()) {
            String hint = targets.cols() == 1 && predictions.cols() > 1 && targets.rows() == predictions.rows()
                    ? " For one integer class label per row, use sparse_categorical_crossentropy."
                    : " Give one target row per sample and one target column per output column.";
            throw new IllegalArgumentException(loss + ": the targets must have the shape of the "
                    + "predictions, " + predictions.shape() + ", but are " + targets.shape() + "." + hint);
        }
    }

    /** Fails unless {@code targets} holds one label per row of {@code predictions}. */
    static void requireLabelColumn(String loss, Matrix predictions, Matrix targets) {
        if (targets.rows() != predictions.rows() || targets.cols() != 1) {
            String hint = targets.cols() == predictions.cols() && targets.rows() == predictions.rows()
                    ? " For one-hot or probability targets, use categorical_crossentropy."
                    : "";
            throw new IllegalArgumentException(loss + ": the targets must be " + predictions.rows()
                    + "×1 (one class index per row of the " + predictions.shape() + " predictions) but are "
                    + targets.shape() + "." + hint);
        }
    }

    /** Fails unless {@code grad} has the shape of {@code predictions}. */
    static void requireGradientShape(String loss, Matrix predictions, Matrix grad) {
        if (grad.rows() != predictions.rows() || grad.cols() != predictions.cols()) {
            throw new IllegalArgumentException(loss + ": the gradient matrix must have the shape of the "
                    + "predictions, " + predictions.shape() + ", but is " + grad.shape() + ".");
        }
    }

    /**
     * The class index stored (as a float) in row {@code row} of a one-column {@code labels}
     * matrix; fails unless it is a whole number in {@code [0, classes − 1]}.
     */
    static int label(String loss, Matrix labels, int row, int classes) {
        return label(loss, labels, row, classes, "target row ");
    }

    /** {@link #label(String, Matrix, int, int)}, naming the row as {@code what} and its index. */
    static int label(String loss, Matrix labels, int row, int classes, String what) {
        float value = labels.data()[row];
        int label = (int) value;
        if (label != value || label < 0 || label >= classes) {
            throw new IllegalArgumentException(loss + ": " + what + row + " holds " + format(value)
                    + ", which is not a class index: labels must be whole numbers in [0, "
                    + (classes - 1) + "] for " + classes + " output columns.");
        }
        return label;
    }

    private static String format(float value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9f
                ? String.valueOf((long) value) : String.valueOf(value);
    }
}
