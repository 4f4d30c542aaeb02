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

class SparseCategoricalCrossentropyTest {
    private final Loss loss = new SparseCategoricalCrossentropy();
    private final Loss fused = loss.fusedWith(new ReferenceSoftmax()).orElseThrow();

    private static Matrix labels(double... values) {
        Matrix m = new Matrix(values.length, 1);
        for (int i = 0; i < values.length; i++) {
            m.data()[i] = (float) values[i];
        }
        return m;
    }

    @Test
    void takesOneTargetColumnWhateverTheNumberOfClasses() {
        assertEquals(1, loss.targetColumns(5));
        assertEquals(1, fused.targetColumns(5));
    }

    @Test
    void lossIsTheBatchMeanOfMinusLogTheLabelledProbability() {
        Matrix p = Matrix.of(new double[] {0.7, 0.2, 0.1}, new double[] {0.1, 0.1, 0.8});

        assertEquals((-Math.log(0.7) - Math.log(0.8)) / 2, loss.loss(p, labels(0, 2)), 1e-7);
    }

    @Test
    void equalsCategoricalCrossentropyOfTheOneHotTargetsForProbabilityRows() {
        Random random = new Random(11);
        Matrix p = new Matrix(6, 4);
        new ReferenceSoftmax().forward(gaussian(random, 6, 4), p);
        Matrix y = new Matrix(6, 1);
        Matrix oneHot = new Matrix(6, 4);
        for (int r = 0; r < 6; r++) {
            int label = random.nextInt(4);
            y.data()[r] = label;
            oneHot.set(r, label, 1);
        }

        assertEquals(new CategoricalCrossentropy().loss(p, oneHot), loss.loss(p, y), 1e-6);
    }

    @Test
    void aZeroProbabilityForTheLabelIsClippedLikeKeras() {
        // Keras feeds log(clip(p)) to sparse_softmax_cross_entropy_with_logits.
        Matrix p = Matrix.of(new double[] {0, 1, 0});

        double clippedSum = 1e-7 + (1 - 1e-7) + 1e-7;
        assertEquals(Math.log(clippedSum) - Math.log(1e-7), loss.loss(p, labels(0)), 1e-9);
        assertEquals(-Math.log(1e-7), loss.loss(p, labels(0)), 1e-6);
    }

    @Test
    void theGradientIsTheExactDerivative() {
        Random random = new Random(5);
        Matrix p = new Matrix(4, 3);
        for (int i = 0; i < p.size(); i++) {
            p.data()[i] = 0.05f + 0.9f * random.nextFloat();
        }

        assertGradientMatchesFiniteDifferences(loss, p, labels(0, 2, 1, 2));
    }

    @Test
    void theGradientIsZeroThroughAnActiveClip() {
        Matrix p = Matrix.of(new double[] {1e-9, 0.5, 0.5});
        Matrix grad = new Matrix(1, 3).fill(Float.NaN);

        loss.gradient(p, labels(0), grad);

        assertEquals(0f, grad.get(0, 0));
        // Below the clip, moving p_0 changes nothing at all.
        double before = loss.loss(p, labels(0));
        p.set(0, 0, 5e-8f);
        assertEquals(before, loss.loss(p, labels(0)));
    }

    @Test
    void aFractionalLabelIsRejectedWithRowValueAndRange() {
        Matrix p = new Matrix(3, 3).fill(1 / 3f);
        var e = assertThrows(IllegalArgumentException.class, () -> loss.loss(p, labels(0, 2.5, 1)));

        assertEquals("sparse_categorical_crossentropy: target row 1 holds 2.5, which is not a class "
                + "index: labels must be whole numbers in [0, 2] for 3 output columns.", e.getMessage());
    }

    @Test
    void aLabelPastTheLastClassIsRejectedWithRowValueAndRange() {
        Matrix p = new Matrix(2, 3).fill(1 / 3f);
        var e = assertThrows(IllegalArgumentException.class,
                () -> loss.gradient(p, labels(1, 3), new Matrix(2, 3)));

        assertTrue(e.getMessage().contains("target row 1 holds 3,"), e.getMessage());
        assertTrue(e.getMessage().contains("[0, 2]"), e.getMessage());
    }

    @Test
    void checkingADataSetsTargetsNamesTheDataSetRow() {
        loss.checkTargets(labels(0, 1, 2, 0), 3);
        var e = assertThrows(IllegalArgumentException.class, () -> loss.checkTargets(labels(0, 1, 7, 0), 3));

        assertEquals("sparse_categorical_crossentropy: data set row 2 holds 7, which is not a class index: labels "
                + "must be whole numbers in [0, 2] for 3 output columns.", e.getMessage());
        var wide = assertThrows(IllegalArgumentException.class, () -> loss.checkTargets(new Matrix(2, 3), 3));
        assertTrue(wide.getMessage().contains("one column of class indices but are 2×3"), wide.getMessage());
    }

    @Test
    void aNegativeLabelIsRejected() {
        Matrix p = new Matrix(1, 3).fill(1 / 3f);
        var e = assertThrows(IllegalArgumentException.class, () -> loss.loss(p, labels(-1)));

        assertTrue(e.getMessage().contains("target row 0 holds -1,"), e.getMessage());
    }

    @Test
    void aNaNLabelIsRejected() {
        Matrix p = new Matrix(1, 3).fill(1 / 3f);
        var e = assertThrows(IllegalArgumentException.class, () -> fused.loss(p, labels(Double.NaN)));

        assertTrue(e.getMessage().contains("target row 0 holds NaN,"), e.getMessage());
    }

    @Test
    void oneHotTargetsAreRejectedWithAHintAtTheCategoricalLoss() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> loss.loss(new Matrix(4, 3), new Matrix(4, 3)));

        assertEquals("sparse_categorical_crossentropy: the targets must be 4×1 (one class index per row "
                + "of the 4×3 predictions) but are 4×3. For one-hot or probability targets, use "
                + "categorical_crossentropy.", e.getMessage());
    }

    @Test
    void fusesOnlyWithSoftmax() {
        assertTrue(loss.fusedWith(new ReferenceSigmoid()).isEmpty());
    }

    @Test
    void fusedLossAtLogitsOfTenThousandIsFiniteAndExact() {
        Matrix z = Matrix.of(new double[] {1e4, -1e4, 0}, new double[] {-1e4, 1e4, 0});
        Matrix grad = new Matrix(2, 3);

        fused.gradient(z, labels(1, 1), grad);

        // Row 0: logsumexp = 1e4, loss 2e4; row 1: the labelled logit dominates, loss 0.
        assertEquals(1e4, fused.loss(z, labels(1, 1)));
        assertArrayEquals(new float[] {0.5f, -0.5f, 0, 0, 0, 0}, grad.data(), 0f);
    }

    @Test
    void fusedLossIsLogSumExpMinusTheLabelledLogit() {
        Matrix z = Matrix.of(new double[] {1, 2, 3});
        Matrix grad = new Matrix(1, 3);

        fused.gradient(z, labels(0), grad);

        double lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
        assertEquals(lse - 1, fused.loss(z, labels(0)), 1e-12);
        assertArrayEquals(new float[] {(float) (Math.exp(1 - lse) - 1), (float) Math.exp(2 - lse),
            (float) Math.exp(3 - lse)}, grad.data(), 1e-7f);
    }

    @Test
    void fusedGradientMatchesFiniteDifferences() {
        assertGradientMatchesFiniteDifferences(fused, gaussian(new Random(9), 4, 5), labels(4, 0, 2, 2));
    }

    @Test
    void lossAndGradientAllocateNothing() {
        assumeTrue(LossAssertions.allocatedBytes() >= 0, "the JVM does not count allocated bytes");
        Matrix p = Matrix.of(new double[] {0.7, 0.2, 0.1}, new double[] {0.1, 0.1, 0.8});

        LossAssertions.assertNoAllocationPerCall(loss, p, labels(0, 2));
        LossAssertions.assertNoAllocationPerCall(fused, p, labels(0, 2));
    }

    private static Matrix gaussian(Random random, int rows, int cols) {
        Matrix m = new Matrix(rows, cols);
        for (int i = 0; i < m.size(); i++) {
            m.data()[i] = (float) (2 * random.nextGaussian());
        }
        return m;
    }
}
