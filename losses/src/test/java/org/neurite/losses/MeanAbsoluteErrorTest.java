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

class MeanAbsoluteErrorTest {
    private final Loss loss = new MeanAbsoluteError();

    @Test
    void lossIsTheMeanAbsoluteErrorOverColumnsThenBatch() {
        Matrix p = Matrix.of(new double[] {1, 2, 3}, new double[] {0, -1, 0});
        Matrix t = Matrix.of(new double[] {0, 0, 3}, new double[] {0, 2, 0.5});

        // Rows: (1 + 2 + 0) / 3 = 1 and (0 + 3 + 0.5) / 3; batch mean 6.5 / 6.
        assertEquals(6.5 / 6, loss.loss(p, t), 1e-15);
    }

    @Test
    void theGradientIsTheSignOfTheErrorAndZeroWhereItVanishes() {
        Matrix p = Matrix.of(new double[] {1, 2, 3}, new double[] {0, -1, 0});
        Matrix t = Matrix.of(new double[] {0, 0, 3}, new double[] {0, 2, 0.5});
        Matrix grad = new Matrix(2, 3).fill(Float.NaN);

        loss.gradient(p, t, grad);

        assertArrayEquals(new float[] {1 / 6f, 1 / 6f, 0, 0, -1 / 6f, -1 / 6f}, grad.data(), 0f);
    }

    @Test
    void theGradientMatchesFiniteDifferencesAwayFromTheKink() {
        Matrix p = Matrix.of(new double[] {1, -2}, new double[] {0.5, 4});
        Matrix t = Matrix.of(new double[] {0, 0}, new double[] {1, 3});

        assertGradientMatchesFiniteDifferences(loss, p, t);
    }

    @Test
    void targetsOfAnotherShapeAreRejectedWithBothShapes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> loss.loss(new Matrix(2, 2), new Matrix(1, 2)));

        assertTrue(e.getMessage().contains("2×2, but are 1×2"), e.getMessage());
    }

    @Test
    void lossAndGradientAllocateNothing() {
        assumeTrue(LossAssertions.allocatedBytes() >= 0, "the JVM does not count allocated bytes");

        LossAssertions.assertNoAllocationPerCall(loss, Matrix.of(new double[] {1, 2}),
                Matrix.of(new double[] {0, 3}));
    }
}
