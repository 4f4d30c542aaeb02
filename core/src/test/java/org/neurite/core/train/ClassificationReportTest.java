package org.neurite.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurite.core.tensor.Matrix;

/** Confusion matrix, precision, recall and F1 against values computed by hand. */
class ClassificationReportTest {
    private static final double EPS = 1e-12;
    // actual → predicted: class 0: 0,1,0; class 1: 1,2,2; class 2: 2,0,2,2
    private static final int[] ACTUAL = {0, 0, 0, 1, 1, 2, 2, 2, 2, 1};
    private static final int[] PREDICTED = {0, 1, 0, 1, 2, 2, 2, 0, 2, 2};
    private final ClassificationReport report = ClassificationReport.of(ACTUAL, PREDICTED, 3);

    @Test
    void theConfusionMatrixCountsActualRowsAgainstPredictedColumns() {
        assertArrayEquals(new long[][] {{2, 1, 0}, {0, 1, 2}, {1, 0, 3}}, report.confusionMatrix());
        assertEquals(10, report.total());
        assertEquals(3, report.support(0));
        assertEquals(5, report.predictedCount(2));
        assertEquals(0.6, report.accuracy(), EPS);
    }

    @Test
    void precisionRecallAndF1MatchTheHandComputedValues() {
        // precision = diagonal / column sum (3, 2, 5); recall = diagonal / row sum (3, 3, 4)
        assertEquals(2.0 / 3, report.precision(0), EPS);
        assertEquals(1.0 / 2, report.precision(1), EPS);
        assertEquals(3.0 / 5, report.precision(2), EPS);
        assertEquals(2.0 / 3, report.recall(0), EPS);
        assertEquals(1.0 / 3, report.recall(1), EPS);
        assertEquals(3.0 / 4, report.recall(2), EPS);
        assertEquals(2.0 / 3, report.f1(0), EPS);
        assertEquals(0.4, report.f1(1), EPS);           // 2·(1/2)(1/3) / (5/6)
        assertEquals(2.0 / 3, report.f1(2), EPS);       // 2·0.6·0.75 / 1.35
        assertArrayEquals(new double[] {(2.0 / 3 + 0.5 + 0.6) / 3, (2.0 / 3 + 1.0 / 3 + 0.75) / 3,
                (2.0 / 3 + 0.4 + 2.0 / 3) / 3}, report.macroAverage(), EPS);
        assertArrayEquals(new double[] {0.59, 0.6, 0.3 * 2 / 3 + 0.3 * 0.4 + 0.4 * 2 / 3}, report.weightedAverage(), EPS);
    }

    @Test
    void aClassNeverPredictedOrNeverPresentScoresZeroNotNaN() {
        ClassificationReport r = ClassificationReport.of(new int[] {0, 0, 1}, new int[] {0, 0, 0}, 3);
        assertEquals(0, r.precision(1));
        assertEquals(0, r.recall(2));
        assertEquals(0, r.f1(2));
        assertEquals(2.0 / 3, r.precision(0), EPS);
    }

    @Test
    void networkOutputsAreComparedWithOneHotOrIndexTargets() {
        Matrix scores = Matrix.of(new float[][] {{0.1f, 0.7f, 0.2f}, {0.5f, 0.3f, 0.2f}, {0.2f, 0.2f, 0.6f}});
        ClassificationReport oneHot = ClassificationReport.of(scores,
                Matrix.of(new float[][] {{0, 1, 0}, {0, 0, 1}, {0, 0, 1}}));
        ClassificationReport indices = ClassificationReport.of(scores, Matrix.of(new float[][] {{1}, {2}, {2}}));
        assertArrayEquals(new long[][] {{0, 0, 0}, {0, 1, 0}, {1, 0, 1}}, oneHot.confusionMatrix());
        assertArrayEquals(oneHot.confusionMatrix(), indices.confusionMatrix());
        assertThrows(IllegalArgumentException.class, () -> ClassificationReport.of(scores, new Matrix(3, 2)));
        assertEquals("sample 1: class 3 is outside [0, 3)", assertThrows(IllegalArgumentException.class,
                () -> ClassificationReport.of(new int[] {0, 3}, new int[] {0, 0}, 3)).getMessage());
    }

    @Test
    void theTablesNameTheClasses() {
        List<String> names = List.of("cat", "dog", "bird");
        String confusion = report.confusionTable(names);
        assertEquals("""
                actual \\ predicted  0  1  2
                0: cat              2  1  0
                1: dog              0  1  2
                2: bird             1  0  3
                """, confusion.replace(System.lineSeparator(), "\n"));
        String classes = report.classTable(names);
        assertTrue(classes.contains("dog              0.5000     0.3333     0.4000         3"), classes);
        assertTrue(classes.contains("accuracy                               0.6000        10"), classes);
        assertTrue(classes.contains("weighted avg     0.5900     0.6000     0.5867        10"), classes);
    }
}
