package org.neurite.testkit;

import java.util.Optional;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.Loss;
import org.neurite.core.tensor.Matrix;

/**
 * A correct loss with a fused form, as Keras computes categorical cross-entropy: rows
 * normalised and clipped to [1e-7, 1 − 1e-7]; fused with softmax, {@code logsumexp(z) − z·t}.
 */
class ReferenceCrossentropy implements Loss {
    private static final double EPSILON = 1e-7;

    @Override
    public String name() {
        return "categorical_crossentropy";
    }

    @Override
    public double loss(Matrix p, Matrix t) {
        int k = p.cols();
        double total = 0;
        for (int r = 0; r < p.rows(); r++) {
            double sum = rowSum(p, r);
            for (int c = 0; c < k; c++) {
                total -= t.get(r, c) * Math.log(clip(p.get(r, c) / sum));
            }
        }
        return total / p.rows();
    }

    @Override
    public void gradient(Matrix p, Matrix t, Matrix grad) {
        int k = p.cols();
        int n = p.rows();
        for (int r = 0; r < n; r++) {
            double sum = rowSum(p, r);
            double shared = 0;
            for (int c = 0; c < k; c++) {
                if (!clipped(p.get(r, c) / sum)) {
                    shared += t.get(r, c) / sum;
                }
            }
            for (int c = 0; c < k; c++) {
                double own = clipped(p.get(r, c) / sum) ? 0 : -t.get(r, c) / p.get(r, c);
                grad.set(r, c, (float) ((own + shared) / n));
            }
        }
    }

    @Override
    public Optional<Loss> fusedWith(Activation outputActivation) {
        return outputActivation.name().equals("softmax") ? Optional.of(new FusedWithSoftmax())
                : Optional.empty();
    }

    private static double rowSum(Matrix p, int r) {
        double sum = 0;
        for (int c = 0; c < p.cols(); c++) {
            sum += p.get(r, c);
        }
        return sum;
    }

    private static boolean clipped(double q) {
        return q < EPSILON || q > 1 - EPSILON;
    }

    private static double clip(double q) {
        return Math.min(Math.max(q, EPSILON), 1 - EPSILON);
    }

    /** {@code Σt·logsumexp(z) − z·t} per row, averaged; gradient {@code (softmax(z)·Σt − t)/n}. */
    static class FusedWithSoftmax implements Loss {
        @Override
        public String name() {
            return "categorical_crossentropy";
        }

        @Override
        public double loss(Matrix z, Matrix t) {
            double total = 0;
            for (int r = 0; r < z.rows(); r++) {
                double lse = logSumExp(z, r);
                for (int c = 0; c < z.cols(); c++) {
                    total += t.get(r, c) * (lse - z.get(r, c));
                }
            }
            return total / z.rows();
        }

        @Override
        public void gradient(Matrix z, Matrix t, Matrix grad) {
            int n = z.rows();
            for (int r = 0; r < n; r++) {
                double lse = logSumExp(z, r);
                double targetSum = 0;
                for (int c = 0; c < z.cols(); c++) {
                    targetSum += t.get(r, c);
                }
                for (int c = 0; c < z.cols(); c++) {
                    double softmax = Math.exp(z.get(r, c) - lse);
                    grad.set(r, c, (float) ((softmax * targetSum - t.get(r, c)) / scale(n)));
                }
            }
        }

        /** The batch size the gradient is divided by; a bug fixture overrides it. */
        double scale(int n) {
            return n;
        }

        private static double logSumExp(Matrix z, int r) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < z.cols(); c++) {
                max = Math.max(max, z.get(r, c));
            }
            double sum = 0;
            for (int c = 0; c < z.cols(); c++) {
                sum += Math.exp(z.get(r, c) - max);
            }
            return max + Math.log(sum);
        }
    }
}
