package org.neurite.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.tensor.Matrix;

/**
 * Contract tests for an {@link Activation}: subclass it in a JUnit 5 test and return the
 * activation. On top of the shared checks of every component (name, hyperparameters,
 * determinism, thread safety) it checks:
 * <ul>
 *   <li>{@code backward} against finite differences of {@code forward}
 *       ({@link GradientCheck}) on random batches of 1, 3 and 8 samples of 1, 4 and 7 columns,
 *       with pre-activations in [−3, 3] kept more than 1e-2 from kinks;</li>
 *   <li>shapes: an {@code n×k} batch gives an {@code n×k} output, with every element written
 *       (outputs are pre-filled with NaN), for batches of 1 and more;</li>
 *   <li>neither {@code forward} nor {@code backward} modifies its inputs.</li>
 * </ul>
 *
 * <pre>{@code
 * class LeakyReluContractTest extends ActivationContract {
 *     @Override
 *     protected Activation activation() {
 *         return new LeakyRelu();
 *     }
 *
 *     @Override
 *     protected boolean isDifferentiableAt(double z) {
 *         return z != 0;                       // the kink; samples stay 1e-2 away from it
 *     }
 * }
 * }</pre>
 */
public abstract class ActivationContract extends ComponentContract<Activation> {
    private static final int[] BATCH_SIZES = {1, 3, 8};
    private static final int[] WIDTHS = {1, 4, 7};
    private static final double KINK_DISTANCE = 1e-2;
    private static final double KINK_GRID = 1e-3;
    /** Samples are multiples of 2⁻¹⁶, so float points at {@code z ± h} are exact. */
    private static final double SAMPLE_GRID = 0x1p-16;
    private static final double SAMPLE_RANGE = 3;

    /** The activation under test, configured as it is discovered. */
    protected abstract Activation activation();

    /**
     * The largest accepted gradient error, relative to the largest derivative of the row (see
     * {@link GradientCheck}). Default {@value GradientCheck#DEFAULT_TOLERANCE}, which suits a
     * float32 implementation; raise it only with a reason.
     */
    protected double gradientTolerance() {
        return GradientCheck.DEFAULT_TOLERANCE;
    }

    /**
     * {@code false} where the activation has a kink (relu: {@code z != 0}). Default: {@code true}
     * everywhere. Random pre-activations are drawn more than 1e-2 away from kinks: a sample
     * {@code z} is kept only if this method holds at {@code z} and at every multiple of 0.001
     * within 1e-2 of it, so kinks at values with at most three decimals (0, 6, −2.5) are
     * avoided by a predicate that is false only at the kink itself.
     */
    protected boolean isDifferentiableAt(double z) {
        return true;
    }

    @Override
    final Activation component() {
        return activation();
    }

    @Override
    final String kind() {
        return "activation";
    }

    @Override
    final Activation configure(Activation component, Hyperparameters values) {
        return component.configure(values);
    }

    @Override
    final List<Object> run(Activation activation, long seed) {
        RandomGenerator random = new SplittableRandom(seed);
        Matrix z = preActivations(random, 6, 5);
        Matrix gradA = Samples.uniform(random, 6, 5, -1, 1);
        Matrix a = new Matrix(6, 5);
        activation.forward(z, a);
        Matrix gradZ = new Matrix(6, 5);
        activation.backward(z, a, gradA, gradZ);
        return List.of(a, gradZ);
    }

    /** Backward matches finite differences of forward on random batches, away from kinks. */
    @Test
    protected void gradientMatchesFiniteDifferences() {
        Activation activation = activation();
        RandomGenerator random = new SplittableRandom(20240101);
        for (int n : BATCH_SIZES) {
            for (int k : WIDTHS) {
                Matrix z = preActivations(random, n, k);
                Matrix gradA = Samples.uniform(random, n, k, -1, 1);
                GradientCheck.assertPasses(GradientCheck.activation(activation, z, gradA,
                        gradientTolerance(), this::isDifferentiableAt));
            }
        }
    }

    /** Forward writes a finite value into every element of an n×k output, for several n and k. */
    @Test
    protected void forwardWritesEveryElementOfAnOutputOfTheInputShape() {
        Activation activation = activation();
        RandomGenerator random = new SplittableRandom(3);
        for (int n : BATCH_SIZES) {
            for (int k : WIDTHS) {
                Matrix z = preActivations(random, n, k);
                Matrix a = new Matrix(n, k).fill(Float.NaN);
                activation.forward(z, a);
                Samples.assertAllFinite(a, label(activation) + " forward on a " + z.shape() + " batch");
            }
        }
    }

    /** Backward writes a finite value into every element of gradZ. */
    @Test
    protected void backwardWritesEveryElementOfGradZ() {
        Activation activation = activation();
        RandomGenerator random = new SplittableRandom(4);
        for (int n : BATCH_SIZES) {
            for (int k : WIDTHS) {
                Matrix z = preActivations(random, n, k);
                Matrix a = new Matrix(n, k);
                activation.forward(z, a);
                Matrix gradZ = new Matrix(n, k).fill(Float.NaN);
                activation.backward(z, a, Samples.uniform(random, n, k, -1, 1), gradZ);
                Samples.assertAllFinite(gradZ, label(activation) + " backward on a " + z.shape() + " batch");
            }
        }
    }

    /** Neither forward nor backward writes into z, a or gradA. */
    @Test
    protected void forwardAndBackwardDoNotModifyTheirInputs() {
        Activation activation = activation();
        RandomGenerator random = new SplittableRandom(5);
        Matrix z = preActivations(random, 4, 3);
        Matrix zCopy = z.copy();
        Matrix a = new Matrix(4, 3);
        activation.forward(z, a);
        assertEquals(zCopy, z, label(activation) + " forward modified its input z");
        Matrix aCopy = a.copy();
        Matrix gradA = Samples.uniform(random, 4, 3, -1, 1);
        Matrix gradACopy = gradA.copy();
        activation.backward(z, a, gradA, new Matrix(4, 3));
        assertEquals(zCopy, z, label(activation) + " backward modified z");
        assertEquals(aCopy, a, label(activation) + " backward modified a");
        assertEquals(gradACopy, gradA, label(activation) + " backward modified gradA");
    }

    /** Pre-activations in [−3, 3], on a 2⁻¹⁶ grid, more than 1e-2 from every kink. */
    Matrix preActivations(RandomGenerator random, int rows, int cols) {
        Matrix z = new Matrix(rows, cols);
        float[] data = z.data();
        for (int i = 0; i < data.length; i++) {
            data[i] = sample(random);
        }
        return z;
    }

    private float sample(RandomGenerator random) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            double z = Math.rint(random.nextDouble(-SAMPLE_RANGE, SAMPLE_RANGE) / SAMPLE_GRID)
                    * SAMPLE_GRID;
            if (awayFromKinks(z)) {
                return (float) z;
            }
        }
        return fail("isDifferentiableAt(z) rejects nearly every z in [-3, 3]; it must be false"
                + " only at kinks");
    }

    private boolean awayFromKinks(double z) {
        if (!isDifferentiableAt(z)) {
            return false;
        }
        long first = (long) Math.ceil((z - KINK_DISTANCE) / KINK_GRID);
        long last = (long) Math.floor((z + KINK_DISTANCE) / KINK_GRID);
        for (long i = first; i <= last; i++) {
            // i / 1000.0 is the double nearest the decimal, as a literal like 0.1 or 2.5 is.
            if (!isDifferentiableAt(i / 1000.0)) {
                return false;
            }
        }
        return true;
    }
}
