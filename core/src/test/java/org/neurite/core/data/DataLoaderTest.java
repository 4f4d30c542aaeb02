package org.neurite.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.config.DataSpec;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.tensor.Matrix;

class DataLoaderTest {
    private static final ConfigReader READER = new ConfigReader(Plugins.discover());
    private static final String MODEL = """
            input_shape: [4]
            layers: [{type: dense, units: 3, activation: test_softmax}]
            loss: test_crossentropy
            optimizer: test_sgd
            """;

    @TempDir
    Path dir;

    private DataSpec spec(String data) {
        return READER.parse(MODEL + data, "experiment.yaml", dir).data();
    }

    private void idx(String prefix, int n, int... labels) {
        IdxFiles.write(dir.resolve(prefix + "-images.gz"), IdxFiles.gzip(IdxFiles.images(n, 2, 2, IdxFiles.ramp(n, 4))));
        IdxFiles.write(dir.resolve(prefix + "-labels"), IdxFiles.labels(labels));
    }

    private static float s(int pixel) {
        return (float) (pixel / 255.0);
    }

    private void csv(String name, String text) {
        IdxFiles.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void idxDataAreScaledAndOneHotEncodedAlike() {
        idx("train", 2, 1, 2);
        idx("test", 1, 0);
        DataLoader.Loaded data = DataLoader.load(spec("""
                data:
                  format: idx
                  train: {images: train-images.gz, labels: train-labels}
                  test: {images: test-images.gz, labels: test-labels}
                  scale: 255
                  one_hot: 3
                """));
        assertEquals(Matrix.of(new float[][] {{0, s(1), s(2), s(3)}, {s(4), s(5), s(6),
                s(7)}}), data.train().x());
        assertEquals(Matrix.of(new float[][] {{0, 1, 0}, {0, 0, 1}}), data.train().y());
        assertEquals(Matrix.of(new float[][] {{1, 0, 0}}), data.test().y());
        assertEquals(Matrix.of(new float[][] {{0, s(1), s(2), s(3)}}), data.test().x());
    }

    @Test
    void csvDataAreStandardisedWithTheTrainingStatistics() {
        csv("train.csv", "x1,x2,label,x3,x4\n1,0,0,0,0\n3,0,1,0,0\n");
        csv("test.csv", "x1,x2,label,x3,x4\n5,1,2,0,0\n");
        DataLoader.Loaded data = DataLoader.load(spec("""
                data: {format: csv, train: {file: train.csv}, test: {file: test.csv}, label_column: label,
                       standardize: true}
                """));
        assertEquals(Matrix.of(new float[][] {{-1, 0, 0, 0}, {1, 0, 0, 0}}), data.train().x());
        assertEquals(Matrix.of(new float[][] {{3, 1, 0, 0}}), data.test().x(), "test data: training mean and std");
        assertEquals(Matrix.of(new float[][] {{2}}), data.test().y(), "labels stay n×1 without one_hot");
    }

    @Test
    void withoutATestSectionThereIsNoTestData() {
        csv("train.csv", "0,1,2,3,4\n");
        DataLoader.Loaded data = DataLoader.load(spec("data: {format: csv, train: {file: train.csv}, "
                + "header: false, label_column: 0}\n"));
        assertNull(data.test());
        assertEquals(Matrix.of(new float[][] {{1, 2, 3, 4}}), data.train().x());
    }

    @Test
    void aLabelOutsideOneHotNamesTheFile() {
        idx("train", 2, 1, 7);
        DataFormatException e = assertThrows(DataFormatException.class, () -> DataLoader.load(spec("""
                data: {format: idx, train: {images: train-images.gz, labels: train-labels}, one_hot: 3}
                """)));
        assertEquals(dir.resolve("train-labels") + ": row 1: label 7 is outside [0, 3): one-hot encoding into 3 "
                + "classes needs whole numbers 0 to 2 (the data section's one_hot: 3; rows count data rows from 0)",
                e.getMessage());
    }

    @Test
    void testDataWithAnotherNumberOfFeaturesAreRefused() {
        csv("train.csv", "label,a,b\n0,1,2\n");
        csv("test.csv", "label,a\n0,1\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> DataLoader.load(spec(
                "data: {format: csv, train: {file: train.csv}, test: {file: test.csv}, label_column: 0}\n")));
        assertEquals(dir.resolve("test.csv") + ": the test data have 1 features but the training data ("
                + dir.resolve("train.csv") + ") have 2", e.getMessage());
    }
}
