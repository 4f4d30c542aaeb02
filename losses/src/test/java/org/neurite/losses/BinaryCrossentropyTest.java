package org.neurite.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.neurite.losses.LossAssertions.assertGradientMatchesFiniteDifferences;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.neurite.core.spi.Loss;
import org.neurite.core.tensor.Matrix;

class BinaryCrossentropyTest {
    private final Loss loss = new BinaryCrossentropy();
    private final Loss fused = loss.fusedWith(new ReferenceSigmoid()).orElseThrow();

    @Test
    void lossIsAveragedOverTheColumnsThenOverTheBatch() {
        Matrix p = Matrix.of(new double[] {0.9, 0.2, 0.5}, new double[] {0.4, 0.6, 0.99});
        Matrix t = Matrix.of(new double[] {1, 0, 1}, new double[] {0, 1, 1});

        double row0 = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.5)) / 3;
        double row1 = -(Math.log(0.6) + Math.log(0.6) + Math.log(0.99)) / 3;
        assertEquals((row0 + row1) / 2, loss.loss(p, t), 1e-7);
    }

    @Test
    void softTargetsMixBothTerms() {
        Matrix p = Matrix.of(new double[] {0.25});
        Matrix t = Matrix.of(new double[] {0.5});

        assertEquals(-(0.5 * Math.log(0.25) + 0.5 * Math.log(0.75)), loss.loss(p, t), 1e-12);
    }

    @Test
    void certainWrongPredictionsAreClippedToEpsilon() {
        Matrix p = Matrix.of(new double[] {0, 1});
        Matrix t = Matrix.of(new double[] {1, 0});
        Matrix grad = new Matrix(1, 2).fill(Float.NaN);

        loss.gradient(p, t, grad);

        assertEquals(-Math.log(1e-7), loss.loss(p, t), 1e-7);
        assertArrayEquals(new float[] {0, 0}, grad.data(), 0f);
    }

    @Test
    void theGradientIsTheExactDerivativeOverTheColumnMean() {
        Random random = new Random(13);
        Matrix p = new Matrix(3, 4);
        Matrix t = new Matrix(3, 4);
        for (int i = 0; i < p.size(); i++) {
            p.data()[i] = 0.05f + 0.9f * random.nextFloat();
            t.data()[i] = random.nextFloat();
        }

        assertGradientMatchesFiniteDifferences(loss, p, t);
    }

    @Test
    void theGradientOfOneElementIsItsDerivativeOverAllElements() {
        Matrix p = Matrix.of(new double[] {0.25, 0.5});
        Matrix t = Matrix.of(new double[] {1, 0});
        Matrix grad = new Matrix(1, 2);

        loss.gradient(p, t, grad);

        assertArrayEquals(new float[] {-4 / 2f, 2 / 2f}, grad.data(), 1e-7f);
    }

    @Test
    void targetsOfAnotherShapeAreRejectedWithBothShapes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> loss.loss(new Matrix(2, 1), new Matrix(3, 1)));

        assertTrue(e.getMessage().startsWith("binary_crossentropy: the targets must have the shape of "
                + "the predictions, 2×1, but are 3×1."), e.getMessage());
    }

    @Test
    void fusesOnlyWithSigmoid() {
        assertTrue(loss.fusedWith(new ReferenceSoftmax()).isEmpty());
    }

    @Test
    void fusedLossAtLogitsOfTenThousandIsFiniteAndExact() {
        Matrix z = Matrix.of(new double[] {1e4, -1e4, 1e4, -1e4});
        Matrix t = Matrix.of(new double[] {0, 1, 1, 0});
        Matrix grad = new Matrix(1, 4);

        fused.gradient(z, t, grad);

        assertEquals((1e4 + 1e4 + 0 + 0) / 4, fused.loss(z, t));
        assertArrayEquals(new float[] {0.25f, -0.25f, 0, 0}, grad.data(), 0f);
    }

    @Test
    void fusedLossIsTheStableLogitsForm() {
        Matrix z = Matrix.of(new double[] {0, 2, -3});
        Matrix t = Matrix.of(new double[] {1, 0.25, 1});
        Matrix grad = new Matrix(1, 3);

        fused.gradient(z, t, grad);

        double expected = (Math.log(2) + (2 - 2 * 0.25 + Math.log1p(Math.exp(-2)))
                + (3 + Math.log1p(Math.exp(-3)))) / 3;
        assertEquals(expected, fused.loss(z, t), 1e-12);
        assertArrayEquals(new float[] {(float) ((0.5 - 1) / 3), (float) ((sigmoid(2) - 0.25) / 3),
            (float) ((sigmoid(-3) - 1) / 3)}, grad.data(), 1e-8f);
    }

    @Test
    void fusedLossEqualsTheUnfusedLossOfTheSigmoidWhereNothingIsClipped() {
        Random random = new Random(17);
        Matrix z = new Matrix(4, 3);
        Matrix t = new Matrix(4, 3);
        for (int i = 0; i < z.size(); i++) {
            z.data()[i] = (float) (2 * random.nextGaussian());
            t.data()[i] = random.nextInt(2);
        }
        Matrix p = new Matrix(4, 3);
        new ReferenceSigmoid().forward(z, p);

        assertEquals(loss.loss(p, t), fused.loss(z, t), 1e-6);
        assertGradientMatchesFiniteDifferences(fused, z, t);
    }

    @Test
    void lossAndGradientAllocateNothing() {
        assumeTrue(LossAssertions.allocatedBytes() >= 0, "the JVM does not count allocated bytes");
        Matrix p = Matrix.of(new double[] {0.7, 0.2, 0.1});
        Matrix t = Matrix.of(new double[] {1, 0, 1});

        LossAssertions.assertNoAllocationPerCall(loss, p, t);
        LossAssertions.assertNoAllocationPerCall(fused, p, t);
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
