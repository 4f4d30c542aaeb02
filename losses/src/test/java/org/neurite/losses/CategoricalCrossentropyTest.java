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

class CategoricalCrossentropyTest {
    private final Loss loss = new CategoricalCrossentropy();
    private final Loss fused = loss.fusedWith(new ReferenceSoftmax()).orElseThrow();

    @Test
    void lossIsTheBatchMeanOfMinusLogTheTrueClassProbability() {
        Matrix p = Matrix.of(new double[] {0.7, 0.2, 0.1}, new double[] {0.1, 0.1, 0.8});
        Matrix t = Matrix.of(new double[] {1, 0, 0}, new double[] {0, 0, 1});

        assertEquals((-Math.log(0.7) - Math.log(0.8)) / 2, loss.loss(p, t), 1e-7);
    }

    @Test
    void rowsThatDoNotSumToOneAreNormalisedFirstAsKerasDoes() {
        Matrix p = Matrix.of(new double[] {2, 1, 1});
        Matrix t = Matrix.of(new double[] {1, 0, 0});

        assertEquals(Math.log(2), loss.loss(p, t), 1e-12);
    }

    @Test
    void aZeroProbabilityForTheTrueClassIsClippedToEpsilon() {
        Matrix p = Matrix.of(new double[] {0, 1, 0});
        Matrix t = Matrix.of(new double[] {1, 0, 0});

        assertEquals(-Math.log(1e-7), loss.loss(p, t), 1e-9);
        assertEquals(16.11809565095832, loss.loss(p, t), 1e-9);
    }

    @Test
    void theGradientIsZeroThroughAnActiveClip() {
        // q_0 = 1e-9 is clipped, and the only target sits on it: the loss is constant nearby.
        Matrix p = Matrix.of(new double[] {1e-9, 0.5, 0.5});
        Matrix t = Matrix.of(new double[] {1, 0, 0});
        Matrix grad = new Matrix(1, 3);

        loss.gradient(p, t, grad);

        assertArrayEquals(new float[] {0, 0, 0}, grad.data(), 0f);
        assertEquals(-Math.log(1e-7), loss.loss(p, t), 1e-9);
    }

    @Test
    void softTargetsWeighEveryLogProbability() {
        Matrix p = Matrix.of(new double[] {0.5, 0.25, 0.25});
        Matrix t = Matrix.of(new double[] {0.2, 0.3, 0.5});

        double expected = -(0.2 * Math.log(0.5) + 0.3 * Math.log(0.25) + 0.5 * Math.log(0.25));
        assertEquals(expected, loss.loss(p, t), 1e-7);
    }

    @Test
    void theGradientIsThatOfOneHotTargetsOverTheBatchSizeForNormalisedRows() {
        // For rows summing to 1 and one-hot t: dL/dp_j = (1 − [j = y]/p_y) / n.
        Matrix p = Matrix.of(new double[] {0.5, 0.25, 0.25}, new double[] {0.125, 0.375, 0.5});
        Matrix t = Matrix.of(new double[] {1, 0, 0}, new double[] {0, 1, 0});
        Matrix grad = new Matrix(2, 3);

        loss.gradient(p, t, grad);

        assertArrayEquals(new float[] {(1 - 2) / 2f, 0.5f, 0.5f, 0.5f, (1 - 1 / 0.375f) / 2f, 0.5f},
                grad.data(), 1e-7f);
    }

    @Test
    void theGradientIsTheExactDerivativeIncludingTheRowNormalisation() {
        Random random = new Random(42);
        Matrix p = new Matrix(4, 5);
        Matrix t = new Matrix(4, 5);
        for (int i = 0; i < p.size(); i++) {
            p.data()[i] = 0.05f + 2 * random.nextFloat();
            t.data()[i] = random.nextFloat();
        }

        assertGradientMatchesFiniteDifferences(loss, p, t);
    }

    @Test
    void theGradientMatchesFiniteDifferencesNextToAClippedElement() {
        // p_2 = 0 is clipped but still moves the row sum, so the other elements see it.
        Matrix p = Matrix.of(new double[] {0.6, 0.4, 0.0}, new double[] {0.3, 0.3, 0.4});
        Matrix t = Matrix.of(new double[] {0.5, 0.5, 0}, new double[] {0, 0, 1});

        assertGradientMatchesFiniteDifferences(loss, p, t);
    }

    @Test
    void anEmptyBatchHasLossZeroLikeKerasDivideNoNan() {
        assertEquals(0, loss.loss(new Matrix(0, 3), new Matrix(0, 3)));
    }

    @Test
    void targetsOfAnotherShapeAreRejectedWithBothShapes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> loss.loss(new Matrix(4, 3), new Matrix(4, 2)));

        assertEquals("categorical_crossentropy: the targets must have the shape of the predictions, "
                + "4×3, but are 4×2. Give one target row per sample and one target column per output "
                + "column.", e.getMessage());
    }

    @Test
    void labelTargetsAreRejectedWithAHintAtTheSparseLoss() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> loss.gradient(new Matrix(4, 3), new Matrix(4, 1), new Matrix(4, 3)));

        assertTrue(e.getMessage().contains("4×3, but are 4×1"), e.getMessage());
        assertTrue(e.getMessage().contains("use sparse_categorical_crossentropy"), e.getMessage());
    }

    @Test
    void aGradientMatrixOfAnotherShapeIsRejectedWithBothShapes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> loss.gradient(new Matrix(4, 3), new Matrix(4, 3), new Matrix(3, 4)));

        assertEquals("categorical_crossentropy: the gradient matrix must have the shape of the "
                + "predictions, 4×3, but is 3×4.", e.getMessage());
    }

    @Test
    void fusesOnlyWithSoftmax() {
        assertTrue(loss.fusedWith(new ReferenceSoftmax()).isPresent());
        assertTrue(loss.fusedWith(new ReferenceSigmoid()).isEmpty());
    }

    @Test
    void fusedLossAtLogitsOfTenThousandIsFiniteAndExact() {
        Matrix z = Matrix.of(new double[] {1e4, -1e4, 0});
        Matrix t = Matrix.of(new double[] {0, 1, 0});
        Matrix grad = new Matrix(1, 3);

        double value = fused.loss(z, t);
        fused.gradient(z, t, grad);

        // logsumexp(z) = 1e4 (the other terms vanish), so the loss is 1e4 − (−1e4).
        assertEquals(2e4, value);
        assertArrayEquals(new float[] {1, -1, 0}, grad.data());
    }

    @Test
    void fusedLossOfTheRightClassAtHugeLogitsIsZero() {
        Matrix z = Matrix.of(new double[] {1e4, -1e4}, new double[] {-1e4, 1e4});
        Matrix t = Matrix.of(new double[] {1, 0}, new double[] {0, 1});
        Matrix grad = new Matrix(2, 2);

        fused.gradient(z, t, grad);

        assertEquals(0, fused.loss(z, t));
        assertArrayEquals(new float[] {0, 0, 0, 0}, grad.data());
    }

    @Test
    void fusedLossOfSoftTargetsIsTheirWeightedSumOfMinusLogSoftmax() {
        Matrix z = Matrix.of(new double[] {1, 2, 3});
        Matrix t = Matrix.of(new double[] {0.2, 0.3, 0.5});
        Matrix grad = new Matrix(1, 3);

        fused.gradient(z, t, grad);

        double lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
        assertEquals(lse - (0.2 * 1 + 0.3 * 2 + 0.5 * 3), fused.loss(z, t), 1e-7);
        assertArrayEquals(new float[] {
            (float) (Math.exp(1 - lse) - 0.2), (float) (Math.exp(2 - lse) - 0.3), (float) (Math.exp(3 - lse) - 0.5)
        }, grad.data(), 1e-7f);
    }

    @Test
    void fusedGradientScalesSoftmaxByTheTargetSumForUnnormalisedTargets() {
        Random random = new Random(7);
        Matrix z = new Matrix(3, 4);
        Matrix t = new Matrix(3, 4);
        for (int i = 0; i < z.size(); i++) {
            z.data()[i] = (float) (4 * random.nextGaussian());
            t.data()[i] = random.nextFloat();
        }

        assertGradientMatchesFiniteDifferences(fused, z, t);
    }

    @Test
    void fusedLossEqualsTheUnfusedLossOfTheSoftmaxWhereNothingIsClipped() {
        Random random = new Random(3);
        Matrix z = new Matrix(5, 4);
        Matrix t = new Matrix(5, 4);
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 4; c++) {
                z.set(r, c, (float) random.nextGaussian());
            }
            t.set(r, random.nextInt(4), 1);
        }
        Matrix probabilities = new Matrix(5, 4);
        new ReferenceSoftmax().forward(z, probabilities);

        assertEquals(loss.loss(probabilities, t), fused.loss(z, t), 1e-6);
    }

    @Test
    void fusedLossChecksShapesToo() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> fused.loss(new Matrix(2, 3), new Matrix(3, 3)));

        assertTrue(e.getMessage().contains("2×3, but are 3×3"), e.getMessage());
    }

    @Test
    void lossAndGradientAllocateNothing() {
        assumeTrue(LossAssertions.allocatedBytes() >= 0, "the JVM does not count allocated bytes");
        Matrix p = Matrix.of(new double[] {0.7, 0.2, 0.1}, new double[] {0.1, 0.1, 0.8});
        Matrix t = Matrix.of(new double[] {1, 0, 0}, new double[] {0, 0, 1});

        LossAssertions.assertNoAllocationPerCall(loss, p, t);
        LossAssertions.assertNoAllocationPerCall(fused, p, t);
    }
}
