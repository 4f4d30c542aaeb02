package org.neurite.losses;

import java.util.Objects;
import java.util.Optional;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.SigmoidActivation;
import org.neurite.core.spi.Loss;
import org.neurite.core.tensor.Matrix;

/**
 * Binary cross-entropy, {@code binary_crossentropy}: for each output column an independent
 * yes/no probability, {@code −(t·log p + (1 − t)·log(1 − p))}.
 *
 * <p>As Keras computes it from probabilities: {@code p} is clipped to {@code [1e-7, 1 − 1e-7]};
 * the element losses are averaged over the columns of each sample (Keras takes the mean over the
 * last axis), then over the batch, so the gradient carries {@code 1/(n·k)} and is 0 through an
 * active clip. Behind a {@code sigmoid} output {@link #fusedWith} gives the exact form over the
 * logits, {@code max(z, 0) − z·t + log1p(exp(−|z|))}.
 *
 * <p>Stateless and thread-safe.
 */
public final class BinaryCrossentropy implements Loss {
    /** The registry name. */
    public static final String NAME = "binary_crossentropy";

    /** The loss with Keras's defaults; it has no hyperparameters. */
    public BinaryCrossentropy() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The mean over all {@code n·k} elements of {@code −(t·log c + (1 − t)·log(1 − c))}, {@code c = clip(p)}. */
    @Override
    public double loss(Matrix predictions, Matrix targets) {
        Batch.requireSameShape(NAME, predictions, targets);
        float[] p = predictions.data();
        float[] t = targets.data();
        double total = 0;
        for (int i = 0; i < p.length; i++) {
            double c = Clipping.clip(p[i]);
            double ti = t[i];
            total -= ti * Math.log(c) + (1 - ti) * Math.log(1 - c);
        }
        return p.length == 0 ? 0 : total / p.length;
    }

    /** Each sample's loss, whose mean {@link #loss} is. */
    @Override
    public void sampleLosses(Matrix predictions, Matrix targets, double[] out) {
        Batch.requireSameShape(NAME, predictions, targets);
        int n = predictions.rows();
        int k = predictions.cols();
        float[] p = predictions.data();
        float[] t = targets.data();
        for (int r = 0, o = 0; r < n; r++, o += k) {
            double total = 0;
            for (int i = o; i < o + k; i++) {
                double c = Clipping.clip(p[i]);
                total -= t[i] * Math.log(c) + (1 - (double) t[i]) * Math.log(1 - c);
            }
            out[r] = k == 0 ? 0 : total / k;
        }
    }

    /** {@code (−t/p + (1 − t)/(1 − p)) / (n·k)} where the clip passes {@code p}, 0 elsewhere. */
    @Override
    public void gradient(Matrix predictions, Matrix targets, Matrix grad) {
        Batch.requireSameShape(NAME, predictions, targets);
        Batch.requireGradientShape(NAME, predictions, grad);
        float[] p = predictions.data();
        float[] t = targets.data();
        float[] out = grad.data();
        int count = p.length;
        for (int i = 0; i < count; i++) {
            double pi = p[i];
            double ti = t[i];
            out[i] = Clipping.passesGradient(pi) ? (float) ((-ti / pi + (1 - ti) / (1 - pi)) / count) : 0f;
        }
    }

    /** Over the logits of a {@code sigmoid} output, unclipped and stable; else empty. */
    @Override
    public Optional<Loss> fusedWith(Activation outputActivation) {
        Objects.requireNonNull(outputActivation, "outputActivation");
        return outputActivation instanceof SigmoidActivation
                ? Optional.of(BinaryCrossentropyFromLogits.INSTANCE) : Optional.empty();
    }

    @Override
    public String toString() {
        return NAME;
    }
}
