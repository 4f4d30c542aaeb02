package org.neurite.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.spi.Metric;
import org.neurite.core.spi.MetricType;
import org.neurite.core.tensor.Matrix;

/** Each metric against values worked out by hand from Keras's definitions. */
class MetricValuesTest {
    private static final Plugins PLUGINS = Plugins.discover();

    private static double value(MetricType type, Matrix p, Matrix t, Matrix weights) {
        Metric m = type.start(p.cols(), t.cols());
        m.update(p, t, weights);
        return m.result();
    }

    private static MetricType metric(String name, Map<String, ?> hyperparameters) {
        return PLUGINS.metrics().create(name, hyperparameters);
    }

    @Test
    void everyBuiltInIsDiscoveredByItsKerasName() {
        assertEquals(Set.of("acc", "accuracy", "auc", "binary_accuracy", "categorical_accuracy",
                "mean_absolute_error", "mean_squared_error", "precision", "recall",
                "sparse_categorical_accuracy", "top_k_categorical_accuracy"), PLUGINS.metrics().names());
    }

    @Test
    void accuracyResolvesFromTheShapesAsKerasDoes() {
        MetricType accuracy = metric("accuracy", Map.of());
        // One output column: binary accuracy, 0.7 > 0.5 is class 1, 0.2 is class 0.
        assertEquals(0.5, value(accuracy, Matrix.of(new float[][] {{0.7f}, {0.2f}}),
                Matrix.of(new float[][] {{1}, {1}}), null));
        // One target column of class indices: sparse.
        assertEquals(1.0, value(accuracy, Matrix.of(new float[][] {{0.1f, 0.9f}, {0.8f, 0.2f}}),
                Matrix.of(new float[][] {{1}, {0}}), null));
        // One-hot targets: categorical; the tie in row 2 goes to class 0, which is wrong there.
        assertEquals(0.5, value(accuracy, Matrix.of(new float[][] {{0.1f, 0.9f}, {0.5f, 0.5f}}),
                Matrix.of(new float[][] {{0, 1}, {0, 1}}), null));
    }

    @Test
    void sampleWeightsWeighTheMean() {
        // Hits 1, 0, 1 with weights 1, 2, 1: (1 + 0 + 1) / 4.
        Matrix p = Matrix.of(new float[][] {{0.9f, 0.1f}, {0.9f, 0.1f}, {0.2f, 0.8f}});
        Matrix t = Matrix.of(new float[][] {{1, 0}, {0, 1}, {0, 1}});
        assertEquals(0.5, value(metric("categorical_accuracy", Map.of()), p, t,
                Matrix.of(new float[][] {{1}, {2}, {1}})));
    }

    @Test
    void theEpochValueIsOverAllSamplesNotAMeanOfBatchMeans() {
        Metric m = metric("categorical_accuracy", Map.of()).start(2, 2);
        m.update(Matrix.of(new float[][] {{1, 0}}), Matrix.of(new float[][] {{1, 0}}), null);
        m.update(Matrix.of(new float[][] {{1, 0}, {1, 0}, {1, 0}}), Matrix.of(new float[][] {{0, 1}, {0, 1}, {0, 1}}), null);
        assertEquals(0.25, m.result(), "1 hit in 4 samples, not the mean of 1.0 and 0.0");
    }

    @Test
    void binaryAccuracyAveragesOverColumnsWithItsThreshold() {
        Matrix p = Matrix.of(new float[][] {{0.6f, 0.4f}, {0.9f, 0.75f}});
        Matrix t = Matrix.of(new float[][] {{1, 1}, {1, 0}});
        assertEquals(0.5, value(metric("binary_accuracy", Map.of()), p, t, null));
        assertEquals(0.75, value(metric("binary_accuracy", Map.of("threshold", 0.3)), p, t, null),
                "above 0.3 everything is class 1: row 1 all right, row 2 half right");
    }

    @Test
    void topKCountsTiesInTheTargetsFavour() {
        Matrix p = Matrix.of(new float[][] {{0.5f, 0.3f, 0.2f}, {0.4f, 0.4f, 0.2f}, {0.6f, 0.3f, 0.1f}});
        Matrix t = Matrix.of(new float[][] {{0, 1, 0}, {0, 1, 0}, {0, 0, 1}});
        MetricType top1 = metric("top_k_categorical_accuracy", Map.of("k", 1));
        MetricType top2 = metric("top_k_categorical_accuracy", Map.of("k", 2));
        assertEquals(1 / 3.0, value(top1, p, t, null), 1e-12, "only the tie in row 2 is a hit at k = 1");
        assertEquals(2 / 3.0, value(top2, p, t, null), 1e-12);
    }

    @Test
    void precisionAndRecallCountEveryElementOverTheEpoch() {
        // Predicted positive (> 0.5): 0.9, 0.7, 0.6. Targets 1, 0, 1. One positive (0.2) missed.
        Matrix p = Matrix.of(new float[][] {{0.9f, 0.7f}, {0.6f, 0.2f}});
        Matrix t = Matrix.of(new float[][] {{1, 0}, {1, 1}});
        assertEquals(2 / 3.0, value(metric("precision", Map.of()), p, t, null), 1e-12);
        assertEquals(2 / 3.0, value(metric("recall", Map.of()), p, t, null), 1e-12);
        assertEquals(1.0, value(metric("precision", Map.of("thresholds", 0.8)), p, t, null));
        assertEquals(1 / 3.0, value(metric("recall", Map.of("thresholds", 0.8)), p, t, null), 1e-12);
        assertEquals(0.0, value(metric("precision", Map.of()), Matrix.of(new float[][] {{0.1f}}),
                Matrix.of(new float[][] {{1}}), null), "nothing predicted positive: 0, as divide_no_nan");
    }

    @Test
    void aucMatchesTheRankStatisticWhenEveryScoreHasItsOwnThresholdBucket() {
        // Positives 0.35 and 0.8, negatives 0.1 and 0.4: 3 of the 4 pairs are ordered rightly.
        Matrix p = Matrix.of(new float[][] {{0.1f}, {0.4f}, {0.35f}, {0.8f}});
        Matrix t = Matrix.of(new float[][] {{0}, {0}, {1}, {1}});
        assertEquals(0.75, value(metric("auc", Map.of()), p, t, null), 1e-9);
        assertEquals(1.0, value(metric("auc", Map.of()), Matrix.of(new float[][] {{0.2f}, {0.9f}}),
                Matrix.of(new float[][] {{0}, {1}}), null), 1e-9);
    }

    @Test
    void errorsAreMeansOverColumnsThenWeightedOverSamples() {
        Matrix p = Matrix.of(new float[][] {{1, 2}, {0, 0}});
        Matrix t = Matrix.of(new float[][] {{0, 0}, {0, 1}});
        // Per sample: mse (1+4)/2 = 2.5 and 0.5; mae 1.5 and 0.5; weights 1 and 3.
        Matrix w = Matrix.of(new float[][] {{1}, {3}});
        assertEquals((2.5 + 3 * 0.5) / 4, value(metric("mean_squared_error", Map.of()), p, t, w), 1e-12);
        assertEquals((1.5 + 3 * 0.5) / 4, value(metric("mean_absolute_error", Map.of()), p, t, w), 1e-12);
    }

    @Test
    void directionsAndCombinabilityAreDeclared() {
        assertTrue(metric("accuracy", Map.of()).higherIsBetter());
        assertTrue(metric("auc", Map.of()).higherIsBetter());
        assertFalse(metric("mean_squared_error", Map.of()).higherIsBetter());
        assertTrue(metric("mean_squared_error", Map.of()).isSampleMean());
        assertFalse(metric("precision", Map.of()).isSampleMean());
    }

    @Test
    void aMetricThatDoesNotFitTheShapesSaysWhy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> metric("categorical_accuracy", Map.of()).start(3, 1));
        assertTrue(e.getMessage().contains("for class indices use sparse_categorical_accuracy"), e.getMessage());
    }
}
