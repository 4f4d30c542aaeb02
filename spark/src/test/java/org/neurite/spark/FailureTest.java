package org.neurite.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neurite.spark.Fixtures.assertSameParameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neurite.core.model.Model;
import org.neurite.core.data.Dataset;
import org.neurite.core.train.FitOptions;
import org.neurite.core.train.TrainingDivergedException;

/** Failed tasks, diverging partitions and bad samples. */
@ExtendWith(LocalSpark.class)
class FailureTest {
    /** Attempts of the task the retry test fails once; local mode runs tasks in this JVM. */
    private static final AtomicInteger ATTEMPTS = new AtomicInteger();

    @Test
    void aTaskThatFailsOnceIsRetriedAndTrainsTheSame(JavaSparkContext sc) {
        JavaRDD<Sample> data = SparkData.parallelize(sc, Fixtures.xor(50, 21), 3);
        Model undisturbed = Fixtures.sgd("");
        SparkTrainer.builder(sc).build().fit(undisturbed, data);
        Model retried = Fixtures.sgd("");
        SparkTrainer.builder(sc).hook((epoch, batch, partition) -> {
            if (epoch == 1 && batch == 2 && partition == 1) {
                ATTEMPTS.incrementAndGet();
                if (TaskContext.get().attemptNumber() == 0) {
                    throw new IllegalStateException("injected failure of the first attempt");
                }
            }
        }).build().fit(retried, data);

        assertEquals(2, ATTEMPTS.get());
        assertSameParameters(undisturbed, retried, 1e-6);
        assertEquals(undisturbed.trainer().updater().iterations(), retried.trainer().updater().iterations());
    }

    @Test
    void aNonFiniteGradientInOnePartitionStopsAtItsEpochAndBatch(JavaSparkContext sc) {
        Dataset data = Fixtures.xor(50, 22);
        data.x().set(21, 0, Float.NaN);
        // 50 samples in 3 partitions of 16, 17 and 17: sample 21 is in partition 1 and, unshuffled
        // in batches of 8, in the third batch.
        Model model = Fixtures.sgd(", shuffle: false");
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> SparkTrainer.builder(sc).build().fit(model, SparkData.parallelize(sc, data, 3)));

        assertEquals(1, e.epoch());
        assertEquals(3, e.batch());
        assertTrue(e.getMessage().startsWith("Training diverged at epoch 1, batch 3 of 7: partition 1 reports that "
                + "the gradient of dense_1/kernel on its 8 rows of the batch contains NaN or infinite values "
                + "(the loss on them is NaN); the last finite loss was "), e.getMessage());
        assertTrue(e.getMessage().endsWith("The parameters are those before this batch's update. Lower the learning "
                + "rate, scale the inputs, or check the data for NaN/Inf."), e.getMessage());
        // Two updates happened: exactly those of local training on the first two batches.
        Model twoBatches = Fixtures.sgd(", shuffle: false");
        twoBatches.fit(data.rows(0, 16), twoBatches.fitOptions().epochs(1).build());
        assertSameParameters(twoBatches, model, 1e-6);
        assertEquals(2, model.trainer().updater().iterations());
        assertEquals(0, model.history().epochs());
    }

    @Test
    void aDivergingAveragingRoundNamesItsBatches(JavaSparkContext sc) {
        Dataset data = Fixtures.xor(32, 23);
        data.y().set(30, 0, Float.POSITIVE_INFINITY);
        Model model = Fixtures.sgd(", shuffle: false");
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> SparkTrainer.builder(sc).averageEvery(2).build().fit(model, SparkData.parallelize(sc, data, 2)));

        assertEquals(4, e.batch());
        assertTrue(e.getMessage().contains("at epoch 1, batch 4 of 4: partition 1 reports that "), e.getMessage());
        assertTrue(e.getMessage().contains("The parameters are those before this averaging round (batches 3 to 4)."),
                e.getMessage());
        assertEquals(2, model.trainer().updater().iterations());
    }

    @Test
    void aSampleOfTheWrongWidthIsNamed(JavaSparkContext sc) {
        List<Sample> samples = new ArrayList<>(Sample.of(Fixtures.xor(10, 24)));
        samples.set(7, new Sample(new float[] {1, 2, 3}, new float[] {0, 1}));
        Model model = Fixtures.sgd("");
        SparkException e = assertThrows(SparkException.class,
                () -> SparkTrainer.builder(sc).build().fit(model, sc.parallelize(samples, 2)));

        assertTrue(e.getMessage().contains("sample 7 has 3 inputs and 2 targets, but the network takes 2 inputs "
                + "and its loss needs 2 targets per sample"), e.getMessage());
    }

    @Test
    void anEmptyDataSetIsRefused(JavaSparkContext sc) {
        Model model = Fixtures.sgd("");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkTrainer.builder(sc).build().fit(model, sc.emptyRDD(), FitOptions.builder().build()));

        assertEquals("cannot train on an empty data set", e.getMessage());
    }
}
