package org.neurite.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.config.ModelConfig;
import org.neurite.core.data.DataLoader;
import org.neurite.core.data.Dataset;

/** Samples read by the executors from a configuration's data section. */
@ExtendWith(LocalSpark.class)
class SparkDataTest {

    @Test
    void executorsReadTheirSlicesOfTheConfiguredFiles(JavaSparkContext sc, @TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 11; i++) {
            csv.append(i).append(',').append(10 - i).append(',').append(i % 2).append('\n');
        }
        Files.writeString(dir.resolve("train.csv"), csv);
        Files.writeString(dir.resolve("model.yaml"), """
                input_shape: [2]
                layers: [{type: dense, units: 2, activation: softmax}]
                loss: categorical_crossentropy
                optimizer: sgd
                data: {format: csv, train: {file: train.csv}, label_column: label, scale: 10, one_hot: 2}
                """);
        ModelConfig config = new ConfigReader(Fixtures.PLUGINS).read(dir.resolve("model.yaml"));
        JavaRDD<Sample> rdd = SparkData.train(sc, config, 3);

        assertEquals(3, rdd.getNumPartitions());
        assertEquals(List.of(3, 4, 4), rdd.glom().map(List::size).collect());
        assertEquals(Sample.of(DataLoader.load(config.data(), org.neurite.core.plugin.Plugins.discover()).train()), rdd.collect());
    }

    @Test
    void aDataSetIsSplitInOrderIntoNearlyEqualPartitions(JavaSparkContext sc) {
        Dataset data = Fixtures.xor(10, 41);
        JavaRDD<Sample> rdd = SparkData.parallelize(sc, data, 3);

        assertEquals(List.of(3, 3, 4), rdd.glom().map(List::size).collect());
        assertEquals(Sample.of(data), rdd.collect());
    }

    @Test
    void aConfigurationWithoutDataIsRefused(JavaSparkContext sc) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkData.train(sc, Fixtures.sgd("").config(), 2));

        assertEquals("the configuration has no data section to read; add one (format, train, ...) or build "
                + "the samples with SparkData.parallelize", e.getMessage());
    }
}
