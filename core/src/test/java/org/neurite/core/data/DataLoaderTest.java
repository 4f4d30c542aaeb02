package org.neurite.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
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

    private static final Plugins PLUGINS = Plugins.discover();

    private static DataLoader.Loaded load(DataSpec spec) {
        return DataLoader.load(spec, PLUGINS);
    }

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
        DataLoader.Loaded data = load(spec("""
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
        DataLoader.Loaded data = load(spec("""
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
        DataLoader.Loaded data = load(spec("data: {format: csv, train: {file: train.csv}, "
                + "header: false, label_column: 0}\n"));
        assertNull(data.test());
        assertEquals(Matrix.of(new float[][] {{1, 2, 3, 4}}), data.train().x());
    }

    @Test
    void aLabelOutsideOneHotNamesTheFile() {
        idx("train", 2, 1, 7);
        DataFormatException e = assertThrows(DataFormatException.class, () -> load(spec("""
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
        DataFormatException e = assertThrows(DataFormatException.class, () -> load(spec(
                "data: {format: csv, train: {file: train.csv}, test: {file: test.csv}, label_column: 0}\n")));
        assertEquals(dir.resolve("test.csv") + ": the test data have 1 features but the training data ("
                + dir.resolve("train.csv") + ") have 2", e.getMessage());
    }

    /** {@code rows} rows of "id,label": the id tells which file row a sample came from. */
    private void idRows(String name, int rows) {
        StringBuilder sb = new StringBuilder("id,label\n");
        for (int i = 0; i < rows; i++) {
            sb.append(i).append(',').append(i % 3).append('\n');
        }
        csv(name, sb.toString());
    }

    private static java.util.List<Integer> ids(Dataset d) {
        java.util.List<Integer> ids = new java.util.ArrayList<>();
        for (int r = 0; r < d.size(); r++) {
            ids.add((int) d.x().get(r, 0));
        }
        return ids;
    }

    @Test
    void testSplitIsSeededDisjointAndSizedAsScikitLearn() {
        idRows("all.csv", 50);
        String section = "data: {format: csv, train: {file: all.csv}, label_column: label, test_split: 0.2, seed: 7}\n";
        DataLoader.Loaded a = load(spec(section));
        // scikit-learn's train_test_split(test_size=0.2) on 50 rows: ceil(50 * 0.2) = 10 test rows.
        assertEquals(40, a.train().size());
        assertEquals(10, a.test().size());
        java.util.Set<Integer> all = new java.util.TreeSet<>(ids(a.train()));
        ids(a.test()).forEach(id -> assertTrue(all.add(id), "row " + id + " is in both parts"));
        assertEquals(50, all.size(), "every row is in one part");
        assertEquals(ids(a.test()).stream().sorted().toList(), ids(a.test()), "both parts keep the file's order");
        assertEquals(ids(a.train()).stream().sorted().toList(), ids(a.train()));
        DataLoader.Loaded again = load(spec(section));
        assertEquals(a.train(), again.train(), "the same seed gives the same split");
        assertEquals(a.test(), again.test());
        assertNotEquals(ids(a.test()), ids(load(spec(section.replace("seed: 7", "seed: 8"))).test()));
        assertEquals(load(spec(section.replace("seed: 7", "seed: 0"))).test(),
                load(spec(section.replace(", seed: 7", ""))).test(), "the seed defaults to 0");
        idRows("seven.csv", 7);
        assertEquals(2, load(spec("data: {format: csv, train: {file: seven.csv}, label_column: label, "
                + "test_split: 0.25}\n")).test().size(), "ceil(7 * 0.25) = 2");
    }

    @Test
    void aTestSplitThatLeavesASideEmptyIsRefused() {
        idRows("one.csv", 1);
        DataFormatException e = assertThrows(DataFormatException.class, () -> load(spec(
                "data: {format: csv, train: {file: one.csv}, label_column: label, test_split: 0.5}\n")));
        assertEquals(dir.resolve("one.csv") + ": test_split: 0.5 of 1 rows leaves 0 for training and 1 for testing; "
                + "both need at least one", e.getMessage());
    }

    @Test
    void validationSplitHoldsOutTheLastTrainingRowsUnshuffled() {
        idRows("all.csv", 10);
        DataLoader.Loaded d = load(spec("data: {format: csv, train: {file: all.csv}, label_column: label, "
                + "validation_split: 0.2}\n"));
        assertEquals(java.util.List.of(0, 1, 2, 3, 4, 5, 6, 7), ids(d.train()));
        assertEquals(java.util.List.of(8, 9), ids(d.validation()), "Keras: the last 20%, in file order");
        DataLoader.Loaded both = load(spec("data: {format: csv, train: {file: all.csv}, label_column: label, "
                + "test_split: 0.2, validation_split: 0.25, seed: 3}\n"));
        java.util.List<Integer> remaining = new java.util.ArrayList<>(ids(both.train()));
        remaining.addAll(ids(both.validation()));
        assertEquals(remaining.stream().sorted().toList(), remaining, "validation: the last of the rows left");
        assertEquals(6, both.train().size());
        assertEquals(2, both.validation().size(), "10 - ceil(2) = 8 rows, of which the last 25% validate");
    }

    @Test
    void standardizeIsFittedOnTheTrainingRowsAlone() {
        csv("all.csv", "x,label\n1,0\n3,0\n100,1\n");
        DataLoader.Loaded d = load(spec("data: {format: csv, train: {file: all.csv}, label_column: label, "
                + "validation_split: 0.33, standardize: true}\n"));
        assertEquals(Matrix.of(new float[][] {{-1}, {1}}), d.train().x());
        assertEquals(Matrix.of(new float[][] {{98}}), d.validation().x(), "(100 - mean 2) / std 1");
    }

    @Test
    void scikitLearnsIrisAndWineFilesReadWithSkipRows() throws java.io.IOException {
        for (String name : new String[] {"iris.csv", "wine_data.csv"}) {
            try (java.io.InputStream in = DataLoaderTest.class.getResourceAsStream("/sklearn/" + name)) {
                java.nio.file.Files.copy(in, dir.resolve(name));
            }
        }
        DataLoader.Loaded iris = load(spec("data: {format: csv, train: {file: iris.csv}, skip_rows: 1, header: false, "
                + "label_column: 4, one_hot: 3}\n"));
        assertEquals(15, iris.train().size());
        assertEquals(Matrix.of(new float[][] {{5.1f, 3.5f, 1.4f, 0.2f}}), iris.train().rows(0, 1).x());
        assertEquals(Matrix.of(new float[][] {{0, 0, 1}}), iris.train().rows(14, 15).y());
        assertEquals(java.util.List.of(), iris.warnings());
        DataLoader.Loaded wine = load(spec("data: {format: csv, train: {file: wine_data.csv}, skip_rows: 1, "
                + "header: false, label_column: 13}\n"));
        assertEquals(13, wine.train().x().cols());
        assertEquals(0.28f, wine.train().x().get(0, 7), 0f, "'.28' as scikit-learn's file writes it");
        assertEquals(1065f, wine.train().x().get(0, 12), 0f);
        assertEquals(Matrix.of(new float[][] {{0}, {0}, {0}, {1}, {1}, {2}, {2}}), wine.train().y());
    }

    @Test
    void aHeaderOfNumbersIsReadButWarnedAbout() {
        csv("digits.csv", "0,0,3\n0,1,5\n1,1,7\n");
        DataLoader.Loaded d = load(spec("data: {format: csv, train: {file: digits.csv}, label_column: 2}\n"));
        assertEquals(2, d.train().size(), "header: true (the default) takes the first line as column names");
        assertEquals(java.util.List.of(dir.resolve("digits.csv") + ": line 1: the header line is all numbers (0,0,3), "
                + "so it is probably the first row of data, read as column names and left out; if the file has no "
                + "header set header: false (and give label_column as a 0-based index)"), d.warnings());
        assertEquals(3, load(spec("data: {format: csv, train: {file: digits.csv}, header: false, label_column: 2}\n"))
                .train().size());
    }

    @Test
    void skippingMoreRowsThanTheFileHoldsIsAnError() {
        csv("short.csv", "a,b\n1,2\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> load(spec(
                "data: {format: csv, train: {file: short.csv}, label_column: 0, skip_rows: 5}\n")));
        assertEquals(dir.resolve("short.csv") + ": the file has 2 lines but skip_rows is 5; nothing is left to read",
                e.getMessage());
    }
}
