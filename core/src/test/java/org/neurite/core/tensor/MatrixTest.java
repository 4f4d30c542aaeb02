package org.neurite.core.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MatrixTest {

    @Test
    void isFiniteIsFalseExactlyWhenSomeElementIsNanOrInfinite() {
        float[] finite = {0f, -0f, Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, Float.MIN_NORMAL, 1e-45f, 3.5f};
        assertTrue(Matrix.wrap(2, 4, finite.clone()).isFinite());
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                Float.intBitsToFloat(0x7fc00001), Float.intBitsToFloat(0xffffffff)}) {
            for (int position = 0; position < finite.length; position++) {
                float[] values = finite.clone();
                values[position] = bad;
                assertFalse(Matrix.wrap(2, 4, values).isFinite(), bad + " at " + position);
            }
        }
        assertTrue(new Matrix(0, 3).isFinite());
    }

    @Test
    void ofCopiesRowsAndRefusesRaggedOnes() {
        Matrix m = Matrix.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals("2×3", m.shape());
        assertEquals(6f, m.get(1, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Matrix.of(new float[][] {{1, 2}, {3}}));
        assertEquals("row 1 has 1 values, row 0 has 2: all rows must be the same length", e.getMessage());
    }

    @Test
    void shapeErrorsNameBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Matrix(2, 3).copyFrom(new Matrix(3, 2)));
        assertEquals("source must be 2×3 but is 3×2", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> new Matrix(2, 2).get(2, 0));
        assertEquals("cannot view 5 values as a 2×3 matrix: it needs 6",
                assertThrows(IllegalArgumentException.class, () -> Matrix.wrap(2, 3, new float[5])).getMessage());
    }
}
