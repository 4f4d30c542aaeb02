package org.neurite.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.model.Model;
import org.neurite.core.data.Dataset;

/** A model trained on Spark is an ordinary model. */
@ExtendWith(LocalSpark.class)
class ModelFilesTest {

    @Test
    void aSavedModelLoadsWithItsHistoryAndPredictsTheSame(JavaSparkContext sc, @TempDir Path dir) {
        Dataset data = Fixtures.xor(30, 31);
        Model model = Fixtures.model("{name: adam, learning_rate: 0.01}", "");
        SparkTrainer.builder(sc).build().fit(model, SparkData.parallelize(sc, data, 2));
        Path file = dir.resolve("spark.neurite");
        model.save(file);
        Model loaded = Model.load(file, Fixtures.ASSEMBLER);

        assertEquals(model.predict(data.x()), loaded.predict(data.x()));
        assertEquals(model.history(), loaded.history());
        assertEquals(3, loaded.history().epochs());
        Fixtures.assertSameOptimizerState(model, loaded, 0);
    }

    @Test
    void trainingALoadedModelFurtherContinuesItsHistory(JavaSparkContext sc, @TempDir Path dir) {
        Dataset data = Fixtures.xor(30, 32);
        Model model = Fixtures.sgd("");
        SparkTrainer trainer = SparkTrainer.builder(sc).build();
        trainer.fit(model, SparkData.parallelize(sc, data, 2));
        model.save(dir.resolve("a.neurite"));
        Model loaded = Model.load(dir.resolve("a.neurite"), Fixtures.ASSEMBLER);
        trainer.fit(loaded, SparkData.parallelize(sc, data, 2));
        Model local = Fixtures.sgd("");
        local.fit(data, local.fitOptions().epochs(6).build());

        assertEquals(6, loaded.history().epochs());
        Fixtures.assertSameParameters(local, loaded, 1e-5);
        Fixtures.assertSameHistory(local.history(), loaded.history(), 1e-5);
    }
}
