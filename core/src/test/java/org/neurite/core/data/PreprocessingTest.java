package org.neurite.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neurite.core.tensor.Matrix;

/** One-hot encoding, scaling, standardising and the seeded split, against hand-computed values. */
class PreprocessingTest {

    @Test
    void oneHotPutsAOneInTheLabelsColumn() {
        Matrix y = Labels.oneHot(Matrix.of(new float[][] {{2}, {0}, {1}}), 3);
        assertEquals(Matrix.of(new float[][] {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}}), y);
    }

    @Test
    void aLabelOutsideTheClassesGivesItsRowAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Labels.oneHot(Matrix.of(new float[][] {{0}, {9}, {10}}), 10));
        assertEquals("row 2: label 10 is outside [0, 10): one-hot encoding into 10 classes needs whole numbers "
                + "0 to 9", e.getMessage());
        assertEquals("row 0: label 1.5 is outside [0, 3): one-hot encoding into 3 classes needs whole numbers 0 to 2",
                assertThrows(IllegalArgumentException.class,
                        () -> Labels.oneHot(Matrix.of(new float[][] {{1.5f}}), 3)).getMessage());
        assertEquals("row 0: label -1 is outside [0, 3): one-hot encoding into 3 classes needs whole numbers 0 to 2",
                assertThrows(IllegalArgumentException.class,
                        () -> Labels.oneHot(Matrix.of(new float[][] {{-1}}), 3)).getMessage());
    }

    @Test
    void scalingMapsTheGivenRangeOntoZeroToOne() {
        Matrix x = Matrix.of(new float[][] {{0, 51, 255}, {127.5f, 300, -51}});
        assertEquals(Matrix.of(new float[][] {{0, 0.2f, 1}, {0.5f, (float) (300.0 / 255), -0.2f}}), Scaling.toUnitRange(x, 0, 255));
        assertEquals(Matrix.of(new float[][] {{0.5f, 0.75f}}),
                Scaling.toUnitRange(Matrix.of(new float[][] {{0, 1}}), -2, 2));
        assertThrows(IllegalArgumentException.class, () -> Scaling.toUnitRange(x, 1, 1));
    }

    @Test
    void standardizingUsesTheTrainingStatisticsForEveryData() {
        // Column 0: mean 2, population std sqrt(2/3); column 1 is constant: centred only.
        Matrix train = Matrix.of(new float[][] {{1, 5}, {2, 5}, {3, 5}});
        Standardizer s = Standardizer.fit(train);
        float sd = (float) Math.sqrt(2.0 / 3);
        assertArrayEquals(new float[] {2, 5}, s.mean());
        assertArrayEquals(new float[] {sd, 1}, s.std());
        assertEquals(Matrix.of(new float[][] {{-1 / sd, 0}, {0, 0}, {1 / sd, 0}}), s.apply(train));
        assertEquals(Matrix.of(new float[][] {{2 / sd, -5}}), s.apply(Matrix.of(new float[][] {{4, 0}})));
        assertThrows(IllegalArgumentException.class, () -> s.apply(new Matrix(1, 3)));
    }

    @Test
    void theSeededSplitIsDeterministicDisjointAndComplete() {
        Matrix x = new Matrix(100, 2);
        Matrix y = new Matrix(100, 1);
        for (int i = 0; i < 100; i++) {
            x.set(i, 0, i);
            x.set(i, 1, 1000 + i);
            y.set(i, 0, i);
        }
        Dataset data = new Dataset(x, y);
        DataSplit a = DataSplit.shuffled(data, 0.25, 7L);
        DataSplit b = DataSplit.shuffled(data, 0.25, 7L);
        assertEquals(75, a.train().size());
        assertEquals(25, a.validation().size());
        assertEquals(a.train().x(), b.train().x());
        assertEquals(a.validation().y(), b.validation().y());
        assertNotEquals(a.validation().y(), DataSplit.shuffled(data, 0.25, 8L).validation().y());
        Set<Float> seen = new HashSet<>();
        for (Dataset part : new Dataset[] {a.train(), a.validation()}) {
            for (int r = 0; r < part.size(); r++) {
                assertEquals(part.y().get(r, 0), part.x().get(r, 0), "rows stay whole");
                assertEquals(1000 + part.y().get(r, 0), part.x().get(r, 1), "rows stay whole");
                seen.add(part.y().get(r, 0));
            }
        }
        assertEquals(100, seen.size(), "every sample lands in exactly one part");
        assertNotEquals(data.rows(75, 100).y(), a.validation().y(), "shuffled, not the last quarter");
    }

    @Test
    void aSplitLeavingOneSideEmptyIsRefused() {
        Dataset three = new Dataset(new Matrix(3, 1), new Matrix(3, 1));
        assertEquals("a validation fraction of 0.2 of 3 samples leaves 3 for training and 0 for validation; both "
                + "need at least one", assertThrows(IllegalArgumentException.class,
                        () -> DataSplit.shuffled(three, 0.2, 1L)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> DataSplit.shuffled(three, 1.0, 1L));
    }
}
