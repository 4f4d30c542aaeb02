package org.neurite.testkit;

import org.neurite.core.spi.Loss;
import org.neurite.core.tensor.Matrix;

/** A correct loss: the mean over the batch of the mean squared error of each sample. */
class MeanSquaredError implements Loss {
    @Override
    public String name() {
        return "mean_squared_error";
    }

    @Override
    public double loss(Matrix p, Matrix t) {
        double total = 0;
        for (int i = 0; i < p.size(); i++) {
            double d = p.data()[i] - t.data()[i];
            total += d * d;
        }
        return total / p.cols() / divisor(p.rows());
    }

    @Override
    public void gradient(Matrix p, Matrix t, Matrix grad) {
        double factor = 2.0 / p.cols() / gradientDivisor(p.rows());
        for (int i = 0; i < p.size(); i++) {
            grad.data()[i] = (float) (factor * (p.data()[i] - t.data()[i]));
        }
    }

    /** What the loss divides by: the batch size (bug fixtures override it). */
    double divisor(int rows) {
        return rows;
    }

    /** What the gradient divides by: the batch size (bug fixtures override it). */
    double gradientDivisor(int rows) {
        return rows;
    }
}
