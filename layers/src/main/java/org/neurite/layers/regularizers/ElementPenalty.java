package org.neurite.layers.regularizers;

import org.neurite.core.spi.HyperparameterException;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Regularizer;
import org.neurite.core.tensor.Matrix;

/**
 * {@code l1·Σ|x| + l2·Σx²}, what Keras 3's {@code L1}, {@code L2} and {@code L1L2} compute;
 * the gradient is {@code l1·sign(x) + 2·l2·x}, with {@code sign(0) = 0} as TensorFlow's. The
 * three built-ins differ only in their names, hyperparameters and defaults.
 */
abstract class ElementPenalty implements Regularizer {
    final double l1;
    final double l2;

    ElementPenalty(double l1, double l2) {
        this.l1 = l1;
        this.l2 = l2;
    }

    /** The factor {@code key} of {@code values}, refused unless finite (Keras's {@code validate_float_arg}). */
    static double factor(String component, Hyperparameters values, String key) {
        double v = values.number(key);
        if (!Double.isFinite(v)) {
            throw new HyperparameterException(key, "regularizer '" + component + "': " + key + " = " + v
                    + " is not accepted; expected a finite number ≥ 0");
        }
        return v;
    }

    @Override
    public double penalty(Matrix x) {
        double absolute = 0;
        double squares = 0;
        for (float v : x.data()) {
            absolute += Math.abs(v);
            squares += (double) v * v;
        }
        return l1 * absolute + l2 * squares;
    }

    @Override
    public void addGradient(Matrix x, double scale, Matrix grad) {
        Matrix.requireShape(grad, x.rows(), x.cols(), "the gradient");
        float[] in = x.data();
        float[] out = grad.data();
        double a = scale * l1;
        double b = scale * 2 * l2;
        for (int i = 0; i < in.length; i++) {
            out[i] += (float) (a * Math.signum(in[i]) + b * in[i]);
        }
    }
}
