package org.neurite.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neurite.spark.Fixtures.assertSameHistory;
import static org.neurite.spark.Fixtures.assertSameOptimizerState;
import static org.neurite.spark.Fixtures.assertSameParameters;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neurite.core.model.Model;
import org.neurite.core.data.Dataset;
import org.neurite.core.train.History;

/** Synchronous data-parallel SGD does the arithmetic of local training. */
@ExtendWith(LocalSpark.class)
class SynchronousTrainingTest {
    private static final double TOLERANCE = 1e-5;

    @Test
    void shuffledTrainingMatchesLocalFitWeightsAndHistory(JavaSparkContext sc) {
        Dataset data = Fixtures.xor(50, 1);
        Model local = Fixtures.sgd("");
        History expected = local.fit(data);
        Model distributed = Fixtures.sgd("");
        History actual = SparkTrainer.builder(sc).build().fit(distributed, SparkData.parallelize(sc, data, 3));

        assertSameParameters(local, distributed, TOLERANCE);
        assertSameHistory(expected, actual, TOLERANCE);
        assertSameHistory(local.history(), distributed.history(), TOLERANCE);
        assertEquals(3 * 7, distributed.trainer().updater().iterations());
    }

    @Test
    void adamAndItsStateWorkUnchanged(JavaSparkContext sc) {
        Dataset data = Fixtures.xor(40, 2);
        String adam = "{name: adam, learning_rate: 0.01}";
        Model local = Fixtures.model(adam, "");
        local.fit(data);
        Model distributed = Fixtures.model(adam, "");
        SparkTrainer.builder(sc).build().fit(distributed, SparkData.parallelize(sc, data, 2));

        assertSameParameters(local, distributed, TOLERANCE);
        assertSameOptimizerState(local, distributed, TOLERANCE);
    }

    @Test
    void unshuffledTrainingMatchesLocalFit(JavaSparkContext sc) {
        Dataset data = Fixtures.xor(30, 3);
        Model local = Fixtures.sgd(", shuffle: false");
        History expected = local.fit(data);
        Model distributed = Fixtures.sgd(", shuffle: false");
        History actual = SparkTrainer.builder(sc).build().fit(distributed, SparkData.parallelize(sc, data, 2));

        assertSameParameters(local, distributed, TOLERANCE);
        assertSameHistory(expected, actual, TOLERANCE);
    }

    @Test
    void emptyAndUnevenPartitionsMatchLocalFit(JavaSparkContext sc) {
        Dataset data = Fixtures.xor(40, 4);
        List<Sample> samples = Sample.of(data);
        // Partitions of 1, 0, 30, 9 and 0 samples, in the data set's order.
        JavaRDD<Sample> rdd = sc.parallelize(samples.subList(0, 1), 1)
                .union(sc.parallelize(List.<Sample>of(), 1))
                .union(sc.parallelize(samples.subList(1, 31), 1))
                .union(sc.parallelize(samples.subList(31, 40), 1))
                .union(sc.parallelize(List.<Sample>of(), 1));
        assertEquals(5, rdd.getNumPartitions());
        Model local = Fixtures.sgd("");
        local.fit(data);
        Model distributed = Fixtures.sgd("");
        SparkTrainer.builder(sc).build().fit(distributed, rdd);

        assertSameParameters(local, distributed, TOLERANCE);
    }

    @Test
    void validationSplitIsTheLastSamplesAsLocally(JavaSparkContext sc) {
        Dataset data = Fixtures.xor(50, 5);
        Model local = Fixtures.sgd(", validation_split: 0.2");
        History expected = local.fit(data);
        Model distributed = Fixtures.sgd(", validation_split: 0.2");
        History actual = SparkTrainer.builder(sc).build().fit(distributed, SparkData.parallelize(sc, data, 3));

        assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy", "learning_rate"), List.copyOf(actual.asMap().keySet()));
        assertSameHistory(expected, actual, TOLERANCE);
        assertSameParameters(local, distributed, TOLERANCE);
    }

    @Test
    void evaluationOnTheClusterMatchesLocalEvaluation(JavaSparkContext sc) {
        Dataset data = Fixtures.xor(37, 6);
        Model model = Fixtures.sgd("");
        model.fit(data);
        Map<String, Double> expected = model.evaluate(data);
        Map<String, Double> actual = SparkTrainer.builder(sc).build()
                .evaluate(model, SparkData.parallelize(sc, data, 3));

        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, v) -> assertEquals(v, actual.get(k), TOLERANCE, k));
    }

    @Test
    void progressPrintsOneLinePerEpochLikeLocalTraining(JavaSparkContext sc) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Model model = Fixtures.sgd("");
        SparkTrainer.builder(sc).build().fit(model, SparkData.parallelize(sc, Fixtures.xor(20, 7), 2),
                model.fitOptions().verbose(2).out(new PrintStream(bytes, true, StandardCharsets.UTF_8)).build());
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");

        assertEquals("Training 3 epochs on Spark: 20 samples in 2 partitions, 3 batches each, seed 7", lines[0]);
        assertEquals(4, lines.length);
        assertTrue(lines[3].matches("Epoch 3/3 - \\d+ms - loss: \\d\\.\\d{4} - accuracy: \\d\\.\\d{4} - learning_rate: 0\\.1000"), lines[3]);
    }
}
