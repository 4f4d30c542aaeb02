package org.neurite.metrics;

import org.neurite.core.tensor.Matrix;

/**
 * Weighted confusion counts at a set of thresholds, over every element of a batch, as Keras's
 * {@code update_confusion_matrix_variables}: an output above a threshold is a predicted
 * positive, a target other than 0 an actual positive, and each element counts with its
 * sample's weight.
 */
final class Confusion {
    final double[] thresholds;
    final double[] tp;
    final double[] fp;
    final double[] tn;
    final double[] fn;

    Confusion(double[] thresholds) {
        this.thresholds = thresholds;
        int n = thresholds.length;
        tp = new double[n];
        fp = new double[n];
        tn = new double[n];
        fn = new double[n];
    }

    void update(Matrix predictions, Matrix targets, Matrix weights) {
        if (!predictions.hasShape(targets.rows(), targets.cols())) {
            throw Matrix.shapeMismatch(targets, predictions.rows(), predictions.cols(), "the targets");
        }
        for (int r = 0; r < predictions.rows(); r++) {
            double w = weights == null ? 1 : weights.get(r, 0);
            for (int c = 0; c < predictions.cols(); c++) {
                float p = predictions.get(r, c);
                boolean positive = targets.get(r, c) != 0;
                for (int i = 0; i < thresholds.length; i++) {
                    boolean predicted = p > thresholds[i];
                    if (predicted) {
                        if (positive) {
                            tp[i] += w;
                        } else {
                            fp[i] += w;
                        }
                    } else if (positive) {
                        fn[i] += w;
                    } else {
                        tn[i] += w;
                    }
                }
            }
        }
    }

    /** {@code a / b}, or 0 when {@code b} is 0 (TensorFlow's {@code divide_no_nan}). */
    static double divideNoNan(double a, double b) {
        return b == 0 ? 0 : a / b;
    }
}
