package org.neurite.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neurite.spark.Fixtures.assertSameParameters;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neurite.core.model.Model;
import org.neurite.core.train.History;

/** Parameter averaging every k local steps, and per-partition batches. */
@ExtendWith(LocalSpark.class)
class ParameterAveragingTest {
    private static final String MOMENTUM = "{name: sgd, learning_rate: 0.1, momentum: 0.9}";

    @Test
    void averagingAfterEveryStepEqualsSynchronousSgd(JavaSparkContext sc) {
        JavaRDD<Sample> data = SparkData.parallelize(sc, Fixtures.xor(50, 11), 3);
        Model synchronous = Fixtures.sgd("");
        SparkTrainer.builder(sc).build().fit(synchronous, data);
        Model averaged = Fixtures.sgd("");
        SparkTrainer.builder(sc).averageEvery(1).build().fit(averaged, data);

        assertSameParameters(synchronous, averaged, 1e-5);
        assertEquals(synchronous.trainer().updater().iterations(), averaged.trainer().updater().iterations());
    }

    @Test
    void theWorkersLocalStepsUseALearningRateSetOnTheDriver(JavaSparkContext sc) {
        JavaRDD<Sample> data = SparkData.parallelize(sc, Fixtures.xor(50, 11), 3);
        Model synchronous = Fixtures.sgd("");
        synchronous.trainer().updater().setLearningRate(0.025); // as reduce_lr_on_plateau sets it
        SparkTrainer.builder(sc).build().fit(synchronous, data);
        Model averaged = Fixtures.sgd("");
        averaged.trainer().updater().setLearningRate(0.025);
        SparkTrainer.builder(sc).averageEvery(1).build().fit(averaged, data);

        assertSameParameters(synchronous, averaged, 1e-5);
        assertEquals(0.025f, (float) averaged.history().last("learning_rate"));
    }

    @Test
    void averagingEveryFourStepsRunsAQuarterOfTheJobsAndLearns(JavaSparkContext sc) {
        JavaRDD<Sample> data = SparkData.parallelize(sc, Fixtures.diagonal(64, 12), 2);
        Model synchronous = Fixtures.model(MOMENTUM, ", epochs: 12");
        int syncJobs = jobs(sc, "sync", () -> SparkTrainer.builder(sc).build().fit(synchronous, data));
        Model averaged = Fixtures.model(MOMENTUM, ", epochs: 12");
        int averagedJobs = jobs(sc, "averaged",
                () -> SparkTrainer.builder(sc).averageEvery(4).build().fit(averaged, data));
        History history = averaged.history();

        // 8 batches per epoch: 8 jobs per epoch synchronously, 2 when averaging every 4 steps.
        assertEquals(12 * (8 - 2), syncJobs - averagedJobs);
        assertEquals(12, history.epochs());
        assertEquals(12 * 8, averaged.trainer().updater().iterations());
        assertTrue(history.last("loss") < 0.5 * history.get("loss").get(0), history.get("loss").toString());
    }

    @Test
    void perPartitionBatchesTrainOnEveryPartitionEachStep(JavaSparkContext sc) {
        JavaRDD<Sample> data = SparkData.parallelize(sc, Fixtures.diagonal(64, 13), 4);
        Model model = Fixtures.model(MOMENTUM, ", epochs: 12");
        History history = SparkTrainer.builder(sc).batchOrder(BatchOrder.PER_PARTITION).build().fit(model, data);

        assertEquals(12 * 8, model.trainer().updater().iterations());
        assertTrue(history.last("loss") < 0.5 * history.get("loss").get(0), history.get("loss").toString());
    }

    private static int jobs(JavaSparkContext sc, String group, Runnable work) {
        sc.setJobGroup(group, group, false);
        try {
            work.run();
        } finally {
            sc.clearJobGroup();
        }
        // The status tracker learns of jobs from the asynchronous listener bus: let it catch up.
        try {
            sc.sc().listenerBus().waitUntilEmpty(60_000);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Spark's listener bus did not drain in 60 s", e);
        }
        return sc.statusTracker().getJobIdsForGroup(group).length;
    }
}
