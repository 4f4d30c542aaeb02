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
    void aScheduleClippingAndWeightDecayGiveTheWeightsOfLocalTraining(JavaSparkContext sc) {
        Dataset data = Fixtures.xor(40, 8);
        String adamw = "{name: adamw, weight_decay: 0.05, global_clipnorm: 0.5, learning_rate: {name: cosine_decay,"
                + " initial_learning_rate: 0.0, decay_steps: 12, warmup_target: 0.05, warmup_steps: 4}}";
        String sgd = "{name: sgd, momentum: 0.9, clipvalue: 0.05, weight_decay: 0.01,"
                + " learning_rate: {name: exponential_decay, initial_learning_rate: 0.3, decay_steps: 3, decay_rate: 0.8}}";
        for (String optimizer : List.of(adamw, sgd)) {
            Model local = Fixtures.model(optimizer, ", epochs: 4");
            History expected = local.fit(data);
            Model distributed = Fixtures.model(optimizer, ", epochs: 4");
            History actual = SparkTrainer.builder(sc).build().fit(distributed, SparkData.parallelize(sc, data, 3));

            assertSameParameters(local, distributed, TOLERANCE);
            assertSameOptimizerState(local, distributed, TOLERANCE);
            assertSameHistory(expected, actual, TOLERANCE);
        }
    }

    @Test
    void regularizersGiveTheWeightsAndLossesOfLocalTraining(JavaSparkContext sc) {
        Dataset data = Fixtures.xor(40, 9);
        String hidden = ", kernel_regularizer: {name: l1_l2, l1: 0.01, l2: 0.02}, bias_regularizer: l2,"
                + " activity_regularizer: {name: l2, l2: 0.05}";
        String output = ", kernel_regularizer: {name: l1, l1: 0.02}, activity_regularizer: {name: l1, l1: 0.1}";
        String sgd = "{name: sgd, learning_rate: 0.1, momentum: 0.5}";
        Model local = Fixtures.model(hidden, output, sgd, "", ", validation_split: 0.25");
        History expected = local.fit(data);
        Model distributed = Fixtures.model(hidden, output, sgd, "", ", validation_split: 0.25");
        History actual = SparkTrainer.builder(sc).build().fit(distributed, SparkData.parallelize(sc, data, 3));

        assertSameParameters(local, distributed, TOLERANCE);
        assertSameHistory(expected, actual, TOLERANCE);
        Model plain = Fixtures.model(sgd, ", validation_split: 0.25");
        assertTrue(plain.fit(data).last("loss") < expected.last("loss"), "the penalties are in the loss");
        Map<String, Double> local1 = local.evaluate(data);
        Map<String, Double> cluster = SparkTrainer.builder(sc).build().evaluate(local, SparkData.parallelize(sc, data, 3));
        local1.forEach((k, v) -> assertEquals(v, cluster.get(k), TOLERANCE, k));
    }

    @Test
    void classWeightsGiveTheWeightsAndWeightedMetricsOfLocalTraining(JavaSparkContext sc) {
        Dataset data = Fixtures.xor(50, 10);
        String weighted = "\nweighted_metrics: [accuracy]";
        String keys = ", class_weight: {0: 0.3, 1: 2.5}, validation_split: 0.2";
        Model local = Fixtures.model(", kernel_regularizer: l2", "", "{name: adam, learning_rate: 0.02}", weighted, keys);
        History expected = local.fit(data);
        Model distributed = Fixtures.model(", kernel_regularizer: l2", "", "{name: adam, learning_rate: 0.02}",
                weighted, keys);
        History actual = SparkTrainer.builder(sc).build().fit(distributed, SparkData.parallelize(sc, data, 4));

        assertEquals(List.of("loss", "accuracy", "weighted_accuracy", "val_loss", "val_accuracy",
                "val_weighted_accuracy", "learning_rate"), List.copyOf(actual.asMap().keySet()));
        assertSameParameters(local, distributed, TOLERANCE);
        assertSameOptimizerState(local, distributed, TOLERANCE);
        assertSameHistory(expected, actual, TOLERANCE);
        assertTrue(Math.abs(expected.last("accuracy") - expected.last("weighted_accuracy")) > 1e-3,
                "the weights change the weighted metric");

        // Averaging after every step is synchronous SGD with the weights too (plain SGD).
        Model synchronous = Fixtures.model("", "", "sgd", "", ", class_weight: {0: 0.3, 1: 2.5}");
        SparkTrainer.builder(sc).build().fit(synchronous, SparkData.parallelize(sc, data, 3));
        Model averaged = Fixtures.model("", "", "sgd", "", ", class_weight: {0: 0.3, 1: 2.5}");
        SparkTrainer.builder(sc).averageEvery(1).build().fit(averaged, SparkData.parallelize(sc, data, 3));
        assertSameParameters(synchronous, averaged, TOLERANCE);
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
