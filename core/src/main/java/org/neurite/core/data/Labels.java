package org.neurite.core.data;

import org.neurite.core.tensor.Matrix;

/** Class labels: one-hot encoding and back. */
public final class Labels {
    private Labels() {
    }

    /**
     * One-hot rows for class labels: row {@code i} of the result is all zeros but a 1 in column
     * {@code labels[i]}, as Keras's {@code to_categorical}.
     *
     * @param labels  n×1 class indices, whole numbers in {@code [0, classes)}
     * @param classes the number of classes k
     * @return n×k
     * @throws IllegalArgumentException for a label outside {@code [0, classes)} or not a whole
     *                                  number, naming its row and value
     */
    public static Matrix oneHot(Matrix labels, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("the number of classes must be at least 1, got " + classes);
        }
        if (labels.cols() != 1) {
            throw new IllegalArgumentException("labels must be one column of class indices (n×1) but are "
                    + labels.shape());
        }
        Matrix out = new Matrix(labels.rows(), classes);
        float[] l = labels.data();
        for (int r = 0; r < l.length; r++) {
            float v = l[r];
            if (!(v >= 0 && v < classes) || v != Math.rint(v)) {
                throw new IllegalArgumentException("row " + r + ": label " + format(v) + " is outside [0, "
                        + classes + "): one-hot encoding into " + classes + " classes needs whole numbers 0 to "
                        + (classes - 1));
            }
            out.data()[r * classes + (int) v] = 1f;
        }
        return out;
    }

    private static String format(float v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Float.toString(v);
    }
}
