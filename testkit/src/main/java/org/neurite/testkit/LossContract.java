package org.neurite.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Loss;
import org.neurite.core.tensor.Matrix;

/**
 * Contract tests for a {@link Loss}: subclass it in a JUnit 5 test and return the loss. On top
 * of the shared checks of every component (name, hyperparameters, determinism, thread safety)
 * it checks, on random batches of 1, 4 and 16 samples of 1, 3 and 5 columns:
 * <ul>
 *   <li>{@code gradient} against finite differences of {@code loss} ({@link GradientCheck});</li>
 *   <li>the loss is finite and every element of the gradient is written (pre-filled with NaN);</li>
 *   <li>the loss is the <em>mean</em> over the batch: the batch stacked on itself has the same
 *       loss (relative 1e-5), and the gradient carries the {@code 1/N}: each half of the
 *       stacked batch's gradient is half the original;</li>
 *   <li>{@code sampleLosses} averages to the loss (the fused loss's too), each the loss of its
 *       row alone;</li>
 *   <li>neither method modifies its inputs;</li>
 *   <li>with a {@link #fusionPartner()}: {@code fusedWith(partner)} exists, its gradient
 *       w.r.t. the logits matches finite differences, and for logits in [−2, 2] its loss equals
 *       this loss of {@code partner.forward(logits)} (relative 1e-4).</li>
 * </ul>
 *
 * <pre>{@code
 * class CategoricalCrossentropyContractTest extends LossContract {
 *     @Override
 *     protected Loss loss() {
 *         return new CategoricalCrossentropy();
 *     }
 *
 *     @Override
 *     protected Matrix predictions(RandomGenerator random, int rows, int cols) {
 *         return normaliseRows(super.predictions(random, rows, cols));   // probabilities
 *     }
 *
 *     @Override
 *     protected Optional<Activation> fusionPartner() {
 *         return Optional.of(new Softmax());    // also checks the fused softmax loss on logits
 *     }
 * }
 * }</pre>
 */
public abstract class LossContract extends ComponentContract<Loss> {
    private static final int[] BATCH_SIZES = {1, 4, 16};
    private static final int[] WIDTHS = {1, 3, 5};
    private static final double MEAN_TOLERANCE = 1e-5;
    private static final double FUSION_TOLERANCE = 1e-4;

    /** The loss under test, configured as it is discovered. */
    protected abstract Loss loss();

    /**
     * Predictions for a {@code rows×cols} batch. Default: independent uniform values in
     * (0.05, 0.95); override to normalise rows (probabilities) or to change the range.
     */
    protected Matrix predictions(RandomGenerator random, int rows, int cols) {
        return Samples.uniform(random, rows, cols, 0.05, 0.95);
    }

    /**
     * Targets for a {@code rows×cols} batch of predictions, with
     * {@code loss().targetColumns(cols)} columns. Default: one-hot rows; with a single column,
     * random labels 0 or 1; when the loss wants fewer target columns than outputs (sparse
     * labels), a random class index in {@code [0, cols)} per element.
     */
    protected Matrix targets(RandomGenerator random, int rows, int cols) {
        int targetCols = loss().targetColumns(cols);
        Matrix t = new Matrix(rows, targetCols);
        for (int r = 0; r < rows; r++) {
            if (targetCols == cols && cols > 1) {
                t.set(r, random.nextInt(cols), 1f);
            } else {
                for (int c = 0; c < targetCols; c++) {
                    t.set(r, c, random.nextInt(targetCols == cols ? 2 : cols));
                }
            }
        }
        return t;
    }

    /**
     * The output activation this loss fuses with (such as softmax for categorical
     * cross-entropy), whose fused loss is then checked too. Default: none.
     */
    protected Optional<Activation> fusionPartner() {
        return Optional.empty();
    }

    /** The largest accepted gradient error, as in {@link ActivationContract#gradientTolerance()}. */
    protected double gradientTolerance() {
        return GradientCheck.DEFAULT_TOLERANCE;
    }

    /** A new matrix holding {@code m}'s rows, scaled to sum to one (helper for subclasses). */
    protected static Matrix normaliseRows(Matrix m) {
        Matrix out = m.copy();
        for (int r = 0; r < m.rows(); r++) {
            double sum = 0;
            for (int c = 0; c < m.cols(); c++) {
                sum += m.get(r, c);
            }
            for (int c = 0; c < m.cols(); c++) {
                out.set(r, c, (float) (m.get(r, c) / sum));
            }
        }
        return out;
    }

    @Override
    final Loss component() {
        return loss();
    }

    @Override
    final String kind() {
        return "loss";
    }

    @Override
    final Loss configure(Loss component, Hyperparameters values) {
        return component.configure(values);
    }

    @Override
    final List<Object> run(Loss loss, long seed) {
        RandomGenerator random = new SplittableRandom(seed);
        Matrix p = predictions(random, 5, 3);
        Matrix t = targets(random, 5, 3);
        Matrix grad = new Matrix(5, 3);
        loss.gradient(p, t, grad);
        List<Object> out = new ArrayList<>(List.of(loss.loss(p, t), grad));
        Optional<Loss> fused = fusionPartner().flatMap(loss::fusedWith);
        if (fused.isPresent()) {
            Matrix logits = Samples.uniform(random, 5, 3, -2, 2);
            Matrix fusedGrad = new Matrix(5, 3);
            fused.get().gradient(logits, t, fusedGrad);
            out.add(fused.get().loss(logits, t));
            out.add(fusedGrad);
        }
        return out;
    }

    /** The gradient matches finite differences of the loss on random batches. */
    @Test
    protected void gradientMatchesFiniteDifferences() {
        Loss loss = loss();
        RandomGenerator random = new SplittableRandom(20240102);
        for (int n : BATCH_SIZES) {
            for (int k : WIDTHS) {
                GradientCheck.assertPasses(GradientCheck.loss(loss, predictions(random, n, k),
                        targets(random, n, k), gradientTolerance()));
            }
        }
    }

    /** The loss is finite and the gradient is written in full, for several batch shapes. */
    @Test
    protected void lossIsFiniteAndGradientWritesEveryElement() {
        Loss loss = loss();
        RandomGenerator random = new SplittableRandom(6);
        for (int n : BATCH_SIZES) {
            for (int k : WIDTHS) {
                Matrix p = predictions(random, n, k);
                Matrix t = targets(random, n, k);
                double value = loss.loss(p, t);
                assertTrue(Double.isFinite(value), label(loss) + " is " + value + " on a " + p.shape()
                        + " batch");
                Matrix grad = new Matrix(n, k).fill(Float.NaN);
                loss.gradient(p, t, grad);
                Samples.assertAllFinite(grad, label(loss) + " gradient on a " + p.shape()
                        + " batch");
            }
        }
    }

    /** Neither loss nor gradient writes into the predictions or targets. */
    @Test
    protected void lossAndGradientDoNotModifyTheirInputs() {
        Loss loss = loss();
        RandomGenerator random = new SplittableRandom(7);
        Matrix p = predictions(random, 4, 3);
        Matrix t = targets(random, 4, 3);
        Matrix pCopy = p.copy();
        Matrix tCopy = t.copy();
        loss.loss(p, t);
        loss.gradient(p, t, new Matrix(4, 3));
        assertEquals(pCopy, p, label(loss) + " modified the predictions");
        assertEquals(tCopy, t, label(loss) + " modified the targets");
    }

    /** A batch stacked on itself has the same loss: the loss is a mean, not a sum. */
    @Test
    protected void lossIsTheMeanOverTheBatch() {
        Loss loss = loss();
        RandomGenerator random = new SplittableRandom(8);
        for (int n : BATCH_SIZES) {
            Matrix p = predictions(random, n, 3);
            Matrix t = targets(random, n, 3);
            double once = loss.loss(p, t);
            double twice = loss.loss(Samples.stacked(p), Samples.stacked(t));
            assertEquals(once, twice, MEAN_TOLERANCE * Math.max(1e-2, Math.abs(once)), label(loss)
                    + " of a batch of " + n + " stacked on itself differs from the loss of the batch:"
                    + " the loss must be the mean over the samples, not the sum");
        }
    }

    /**
     * The per-sample losses (what sample and class weights weigh) average to the batch's loss,
     * and each is the loss of its row alone.
     */
    @Test
    protected void sampleLossesAverageToTheBatchLoss() {
        Loss loss = loss();
        RandomGenerator random = new SplittableRandom(10);
        for (int n : BATCH_SIZES) {
            Matrix p = predictions(random, n, 3);
            Matrix t = targets(random, n, 3);
            double[] each = new double[n];
            loss.sampleLosses(p, t, each);
            double mean = 0;
            for (double v : each) {
                mean += v / n;
            }
            double batch = loss.loss(p, t);
            assertEquals(batch, mean, MEAN_TOLERANCE * Math.max(1e-2, Math.abs(batch)), label(loss)
                    + ": the mean of sampleLosses over a batch of " + n + " is not the batch's loss");
            Matrix first = Matrix.wrap(1, p.cols(), java.util.Arrays.copyOf(p.data(), p.cols()));
            Matrix firstTarget = Matrix.wrap(1, t.cols(), java.util.Arrays.copyOf(t.data(), t.cols()));
            double alone = loss.loss(first, firstTarget);
            assertEquals(alone, each[0], MEAN_TOLERANCE * Math.max(1e-2, Math.abs(alone)), label(loss)
                    + ": sampleLosses of the first row differs from the loss of that row alone");
        }
    }

    /** The fused loss's per-sample losses average to its batch loss too. */
    @Test
    protected void fusedSampleLossesAverageToTheFusedLoss() {
        Loss loss = loss();
        Activation partner = requirePartner();
        Loss fused = fused(loss, partner);
        RandomGenerator random = new SplittableRandom(11);
        for (int n : BATCH_SIZES) {
            Matrix logits = Samples.uniform(random, n, 3, -2, 2);
            Matrix t = targets(random, n, 3);
            double[] each = new double[n];
            fused.sampleLosses(logits, t, each);
            double mean = 0;
            for (double v : each) {
                mean += v / n;
            }
            double batch = fused.loss(logits, t);
            assertEquals(batch, mean, MEAN_TOLERANCE * Math.max(1e-2, Math.abs(batch)), "the fused loss of "
                    + label(loss) + ": the mean of sampleLosses over a batch of " + n + " is not the batch's loss");
        }
    }

    /** Doubling the batch halves each sample's gradient: the gradient of a mean carries 1/N. */
    @Test
    protected void gradientCarriesTheOneOverNFactor() {
        Loss loss = loss();
        RandomGenerator random = new SplittableRandom(9);
        for (int n : BATCH_SIZES) {
            Matrix p = predictions(random, n, 3);
            Matrix t = targets(random, n, 3);
            Matrix grad = new Matrix(n, 3);
            loss.gradient(p, t, grad);
            Matrix gradTwice = new Matrix(2 * n, 3);
            loss.gradient(Samples.stacked(p), Samples.stacked(t), gradTwice);
            double scale = 1e-30;
            for (float g : grad.data()) {
                scale = Math.max(scale, Math.abs(g));
            }
            for (int i = 0; i < gradTwice.size(); i++) {
                double expected = grad.data()[i % grad.size()] / 2.0;
                if (Math.abs(gradTwice.data()[i] - expected) > MEAN_TOLERANCE * scale) {
                    fail(label(loss) + ": doubling the batch (" + n + " → " + 2 * n + " rows) should"
                            + " halve each sample's gradient, the gradient of a mean carrying 1/N;"
                            + " element " + i + " is " + gradTwice.data()[i] + ", expected " + expected);
                }
            }
        }
    }

    /** For moderate logits, the fused loss equals this loss of the activated logits. */
    @Test
    protected void fusedLossEqualsTheLossOfTheActivatedLogits() {
        Loss loss = loss();
        Activation partner = requirePartner();
        Loss fused = fused(loss, partner);
        RandomGenerator random = new SplittableRandom(10);
        for (int n : BATCH_SIZES) {
            for (int k : WIDTHS) {
                Matrix logits = Samples.uniform(random, n, k, -2, 2);
                Matrix t = targets(random, n, k);
                Matrix a = new Matrix(n, k);
                partner.forward(logits, a);
                double unfused = loss.loss(a, t);
                assertEquals(unfused, fused.loss(logits, t), FUSION_TOLERANCE * Math.max(1, Math.abs(unfused)),
                        "the fused loss of " + label(loss) + " with '" + partner.name() + "' on " + n + "×"
                                + k + " logits differs from the loss of " + partner.name() + "(logits)");
            }
        }
    }

    /** The fused loss's gradient w.r.t. the logits matches finite differences. */
    @Test
    protected void fusedGradientMatchesFiniteDifferencesWithRespectToLogits() {
        Loss loss = loss();
        Activation partner = requirePartner();
        Loss fused = fused(loss, partner);
        RandomGenerator random = new SplittableRandom(11);
        for (int n : BATCH_SIZES) {
            for (int k : WIDTHS) {
                Matrix logits = Samples.uniform(random, n, k, -2, 2);
                Matrix t = targets(random, n, k);
                Matrix grad = new Matrix(n, k).fill(Float.NaN);
                fused.gradient(logits, t, grad);
                Samples.assertAllFinite(grad, "the fused gradient of " + label(loss));
                GradientCheck.assertPasses(GradientCheck.compare("the fused loss of " + label(loss)
                                + " with '" + partner.name() + "' w.r.t. " + n + "×" + k + " logits",
                        logits, grad, z -> fused.loss(z, t), GradientCheck.DEFAULT_STEP,
                        gradientTolerance(), v -> true));
            }
        }
    }

    private Activation requirePartner() {
        Optional<Activation> partner = fusionPartner();
        assumeTrue(partner.isPresent(), "no fusion partner");
        return partner.get();
    }

    private Loss fused(Loss loss, Activation partner) {
        return loss.fusedWith(partner).orElseGet(() -> fail(label(loss) + " offers no fused loss"
                + " for activation '" + partner.name() + "' although fusionPartner() names it"));
    }
}
