package org.neurite.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurite.core.tensor.Matrix;

/** Class weights become sample weights as Keras 3's class_weight_to_sample_weights computes them. */
class ClassWeightsTest {
    @Test
    void oneHotTargetsTakeTheWeightOfTheirArgmaxAndUnlistedClassesWeighOne() {
        float[] table = ClassWeights.table(Map.of(0, 0.5, 2, 4.0), 3);
        Matrix y = Matrix.of(new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0.2f, 0.2f, 0.6f}});
        assertArrayEquals(new float[] {0.5f, 1f, 4f, 4f}, ClassWeights.sampleWeights(table, y).data());
    }

    @Test
    void classIndexTargetsAreRoundedHalfToEvenAsNumpyRounds() {
        float[] table = ClassWeights.table(Map.of(0, 2.0, 1, 3.0, 2, 5.0), 3);
        Matrix y = Matrix.of(new float[][] {{0}, {1}, {2}, {0.5f}, {1.5f}, {2.4f}});
        assertArrayEquals(new float[] {2, 3, 5, 2, 5, 5}, ClassWeights.sampleWeights(table, y).data());
    }

    @Test
    void oneBinaryOutputHasTwoClasses() {
        assertEquals(2, withTargetColumns(1).classes(1));
        assertEquals(4, withTargetColumns(1).classes(4));
        assertEquals(3, new org.neurite.core.testplugins.TestCrossentropy().classes(3));
        float[] table = ClassWeights.table(Map.of(1, 9.0), 2);
        assertArrayEquals(new float[] {1, 9, 9, 1}, ClassWeights.sampleWeights(table,
                Matrix.of(new float[][] {{0}, {1}, {0.8f}, {0.3f}})).data());
    }

    @Test
    void indicesOutOfRangeAndNegativeOrInfiniteWeightsAreNamed() {
        assertNull(ClassWeights.problem(Map.of(0, 0.0, 1, 2.5), 2));
        assertEquals("class index 2 is out of range: the network tells 2 classes apart, so class_weight takes "
                + "the indices 0 to 1", ClassWeights.problem(Map.of(2, 1.0), 2));
        assertEquals("class index -1 is out of range: the network tells 3 classes apart, so class_weight takes "
                + "the indices 0 to 2", ClassWeights.problem(Map.of(-1, 1.0), 3));
        assertEquals("the weight of class 1 is -0.5; class weights must be finite numbers ≥ 0",
                ClassWeights.problem(Map.of(1, -0.5), 2));
        assertEquals("the weight of class 0 is Infinity; class weights must be finite numbers ≥ 0",
                ClassWeights.problem(Map.of(0, Double.POSITIVE_INFINITY), 2));
        assertThrows(IllegalArgumentException.class, () -> ClassWeights.table(Map.of(0, Double.NaN), 2));
    }

    /** A loss taking {@code columns} target columns whatever the outputs (1: class indices). */
    private static org.neurite.core.spi.Loss withTargetColumns(int columns) {
        return new org.neurite.core.spi.Loss() {
            public String name() {
                return "indices";
            }

            public double loss(Matrix predictions, Matrix targets) {
                throw new UnsupportedOperationException();
            }

            public void gradient(Matrix predictions, Matrix targets, Matrix grad) {
                throw new UnsupportedOperationException();
            }

            public int targetColumns(int outputColumns) {
                return columns;
            }
        };
    }
}
