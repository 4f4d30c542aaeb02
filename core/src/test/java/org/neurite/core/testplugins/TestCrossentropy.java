package org.neurite.core.testplugins;

import java.util.Optional;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.SoftmaxActivation;
import org.neurite.core.spi.Loss;
import org.neurite.core.tensor.Matrix;

/**
 * Test-only loss {@code test_crossentropy}: −Σ t·log p averaged over samples, fused with
 * {@code test_softmax} into logsumexp(z) − z·t.
 */
public final class TestCrossentropy implements Loss {
    @Override
    public String name() {
        return "test_crossentropy";
    }

    @Override
    public double loss(Matrix p, Matrix t) {
        double s = 0;
        for (int i = 0; i < p.size(); i++) {
            s -= t.data()[i] * Math.log(Math.max(p.data()[i], 1e-7));
        }
        return s / p.rows();
    }

    @Override
    public void gradient(Matrix p, Matrix t, Matrix grad) {
        for (int i = 0; i < p.size(); i++) {
            grad.data()[i] = (float) (-t.data()[i] / Math.max(p.data()[i], 1e-7) / p.rows());
        }
    }

    @Override
    public Optional<Loss> fusedWith(Activation outputActivation) {
        return outputActivation instanceof SoftmaxActivation ? Optional.of(new Fused()) : Optional.empty();
    }

    /** The loss over logits. */
    static final class Fused implements Loss {
        @Override
        public String name() {
            return "test_crossentropy";
        }

        @Override
        public double loss(Matrix z, Matrix t) {
            double s = 0;
            for (int r = 0; r < z.rows(); r++) {
                double lse = logSumExp(z, r);
                for (int c = 0; c < z.cols(); c++) {
                    s += t.get(r, c) * (lse - z.get(r, c));
                }
            }
            return s / z.rows();
        }

        @Override
        public void gradient(Matrix z, Matrix t, Matrix grad) {
            for (int r = 0; r < z.rows(); r++) {
                double lse = logSumExp(z, r);
                for (int c = 0; c < z.cols(); c++) {
                    grad.set(r, c, (float) ((Math.exp(z.get(r, c) - lse) - t.get(r, c)) / z.rows()));
                }
            }
        }

        private static double logSumExp(Matrix z, int r) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < z.cols(); c++) {
                max = Math.max(max, z.get(r, c));
            }
            double s = 0;
            for (int c = 0; c < z.cols(); c++) {
                s += Math.exp(z.get(r, c) - max);
            }
            return max + Math.log(s);
        }
    }
}
