package org.neurite.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neurite.core.tensor.Matrix;
import org.opentest4j.AssertionFailedError;

class GradientCheckTest {

    private static double cubes(Matrix x) {
        double s = 0;
        for (float v : x.data()) {
            s += (double) v * v * v;
        }
        return s;
    }

    @Test
    void derivativeOfACubicIsExactUpToRoundingEvenAtUnevenFloatPoints() {
        // 1.1f and 1000.3f are not on a power-of-two grid: x ± h rounds unevenly.
        for (float v : new float[] {1.1f, -0.7f, 1000.3f}) {
            Matrix x = Matrix.of(new float[][] {{v}});
            double d = GradientCheck.derivative(x, 0, GradientCheckTest::cubes, GradientCheck.DEFAULT_STEP);
            assertEquals(3.0 * v * v, d, 1e-9 * 3 * v * v, "d/dx x³ at " + v);
            assertEquals(v, x.data()[0], "x must be restored");
        }
    }

    @Test
    void derivativeOfASmoothFunctionIsFourthOrderAccurate() {
        Matrix x = Matrix.of(new float[][] {{0.5f}});
        double d = GradientCheck.derivative(x, 0, m -> Math.sin(m.data()[0]), GradientCheck.DEFAULT_STEP);
        assertEquals(Math.cos(0.5), d, 1e-9);
    }

    @Test
    void aCorrectGradientPassesAndAWrongOneNamesTheWorstElements() {
        Matrix x = Matrix.of(new float[][] {{1f, 2f}, {-1f, 0.5f}});
        Matrix right = Matrix.of(new float[][] {{3f, 12f}, {3f, 0.75f}});
        GradientCheck.Result ok = GradientCheck.compare("cubes", x, right, GradientCheckTest::cubes,
                GradientCheck.DEFAULT_STEP, GradientCheck.DEFAULT_TOLERANCE, v -> true);
        assertTrue(ok.passed(), ok.describe());
        assertEquals(4, ok.checked());

        Matrix wrong = Matrix.of(new float[][] {{3f, 12f}, {3f, 1.5f}});
        GradientCheck.Result bad = GradientCheck.compare("cubes", x, wrong, GradientCheckTest::cubes,
                GradientCheck.DEFAULT_STEP, GradientCheck.DEFAULT_TOLERANCE, v -> true);
        assertFalse(bad.passed());
        assertEquals(1, bad.mismatches().size());
        GradientCheck.Mismatch m = bad.mismatches().get(0);
        assertEquals(1, m.row());
        assertEquals(1, m.col());
        assertEquals(0.25, m.error(), 1e-6, "0.75 off, relative to the row's largest derivative 3");
        String message = assertThrows(AssertionFailedError.class, () -> GradientCheck.assertPasses(bad))
                .getMessage();
        assertTrue(message.startsWith("Gradient check of cubes failed at 1 of 4 elements"), message);
        assertTrue(message.contains("(row 1, col 1) at input 0.5: analytic 1.5, numeric 0.75"), message);
    }

    @Test
    void skippedElementsAreNotComparedButACheckThatSkipsEverythingFails() {
        Matrix x = Matrix.of(new float[][] {{1f, 2f}});
        Matrix wrongAtTwo = Matrix.of(new float[][] {{3f, 0f}});
        GradientCheck.Result r = GradientCheck.compare("cubes", x, wrongAtTwo, GradientCheckTest::cubes,
                GradientCheck.DEFAULT_STEP, 1e-2, v -> v != 2f);
        assertTrue(r.passed(), r.describe());
        assertEquals(1, r.skipped());
        GradientCheck.Result none = GradientCheck.compare("cubes", x, wrongAtTwo, GradientCheckTest::cubes,
                GradientCheck.DEFAULT_STEP, 1e-2, v -> false);
        String message = assertThrows(AssertionFailedError.class, () -> GradientCheck.assertPasses(none))
                .getMessage();
        assertTrue(message.contains("every element was skipped"), message);
    }

    @Test
    void aNaNGradientFails() {
        Matrix x = Matrix.of(new float[][] {{1f}});
        GradientCheck.Result r = GradientCheck.compare("cubes", x, Matrix.of(new float[][] {{Float.NaN}}),
                GradientCheckTest::cubes, GradientCheck.DEFAULT_STEP, 1e-2, v -> true);
        assertFalse(r.passed());
    }
}
