package org.neurite.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.neurite.losses.LossAssertions.assertGradientMatchesFiniteDifferences;

import org.junit.jupiter.api.Test;
import org.neurite.core.spi.Loss;
import org.neurite.core.tensor.Matrix;

class MeanSquaredErrorTest {
    private final Loss loss = new MeanSquaredError();

    @Test
    void lossIsTheMeanSquareOverColumnsThenBatch() {
        Matrix p = Matrix.of(new double[] {1, 2}, new double[] {0, -1});
        Matrix t = Matrix.of(new double[] {0, 0}, new double[] {0, 2});

        // Rows: (1 + 4) / 2 = 2.5 and (0 + 9) / 2 = 4.5; batch mean 3.5.
        assertEquals(3.5, loss.loss(p, t));
    }

    @Test
    void theGradientIsTwiceTheErrorOverTheElementCount() {
        Matrix p = Matrix.of(new double[] {1, 2}, new double[] {0, -1});
        Matrix t = Matrix.of(new double[] {0, 0}, new double[] {0, 2});
        Matrix grad = new Matrix(2, 2);

        loss.gradient(p, t, grad);

        assertArrayEquals(new float[] {0.5f, 1f, 0f, -1.5f}, grad.data(), 0f);
        assertGradientMatchesFiniteDifferences(loss, p, t);
    }

    @Test
    void doesNotFuseWithAnyActivation() {
        assertTrue(loss.fusedWith(new ReferenceSigmoid()).isEmpty());
        assertTrue(loss.fusedWith(new ReferenceSoftmax()).isEmpty());
    }

    @Test
    void targetsOfAnotherShapeAreRejectedWithBothShapes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> loss.gradient(new Matrix(2, 2), new Matrix(2, 3), new Matrix(2, 2)));

        assertTrue(e.getMessage().contains("2×2, but are 2×3"), e.getMessage());
    }

    @Test
    void lossAndGradientAllocateNothing() {
        assumeTrue(LossAssertions.allocatedBytes() >= 0, "the JVM does not count allocated bytes");

        LossAssertions.assertNoAllocationPerCall(loss, Matrix.of(new double[] {1, 2}),
                Matrix.of(new double[] {0, 3}));
    }
}
