package org.neurite.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.plugin.Plugins;

/** The optional {@code data} section: schema, path resolution, strictness and round trips. */
class DataSectionTest {
    private static final String MODEL = """
            input_shape: [784]
            layers: [{type: dense, units: 10, activation: test_softmax}]
            loss: test_crossentropy
            optimizer: test_sgd
            """;
    private static final String IDX = MODEL + """
            data:
              format: idx
              train: {images: train-images-idx3-ubyte.gz, labels: train-labels-idx1-ubyte.gz}
              test: {images: t10k-images-idx3-ubyte.gz, labels: t10k-labels-idx1-ubyte.gz}
              scale: 255
              one_hot: 10
            """;
    private static final String CSV = MODEL + """
            data:
              format: csv
              directory: data
              train: {file: train.csv}
              test: {file: /srv/test.csv}
              label_column: label
              standardize: true
            """;

    private final ConfigReader reader = new ConfigReader(Plugins.discover());

    @TempDir
    Path dir;

    private String error(String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> reader.parse(yaml, "exp.yaml"));
        return e.path() + ": " + e.detail();
    }

    @Test
    void readsAnIdxSection() {
        DataSpec d = reader.parse(IDX, "exp.yaml").data();
        assertEquals("idx", d.formatName());
        assertEquals(new DataSpec.DataFiles(java.util.Map.of("images", Path.of("train-images-idx3-ubyte.gz"),
                "labels", Path.of("train-labels-idx1-ubyte.gz")), java.util.Map.of()), d.train());
        assertEquals(new DataSpec.Scale(0, 255), d.scale());
        assertEquals(10, d.oneHot());
        assertFalse(d.standardize());
        assertEquals(java.util.Map.of(), d.format().hyperparameters().asMap());
        assertNull(d.directory(), "parsed text without a base: relative to the working directory");
    }

    @Test
    void readsACsvSectionWithTheLabelColumnByNameOrIndex() {
        DataSpec d = reader.parse(CSV, "exp.yaml").data();
        assertEquals("csv", d.formatName());
        assertEquals(new DataSpec.DataFiles(java.util.Map.of("file", Path.of("train.csv")), java.util.Map.of()),
                d.train());
        assertEquals(java.util.Map.of("label_column", "label", "header", true, "skip_rows", 0L),
                d.format().hyperparameters().asMap());
        assertTrue(d.standardize());
        assertNull(d.scale());
        DataSpec byIndex = reader.parse(CSV.replace("label_column: label", "label_column: 0\n  header: false"),
                "exp.yaml").data();
        assertEquals(java.util.Map.of("label_column", 0L, "header", false, "skip_rows", 0L),
                byIndex.format().hyperparameters().asMap());
        assertEquals(new DataSpec.Scale(-1, 1), reader.parse(CSV.replace("standardize: true", "scale: [-1, 1]"),
                "exp.yaml").data().scale());
    }

    @Test
    void relativePathsResolveAgainstTheConfigFilesDirectory() throws IOException {
        Path file = Files.writeString(dir.resolve("exp.yaml"), CSV);
        DataSpec d = reader.read(file).data();
        assertEquals(dir.toAbsolutePath().resolve("data"), d.directory());
        assertEquals(List.of(dir.toAbsolutePath().resolve("data/train.csv"), Path.of("/srv/test.csv")), d.files());
        DataSpec idx = reader.read(Files.writeString(dir.resolve("idx.yaml"), IDX)).data();
        assertEquals(dir.toAbsolutePath().resolve("train-images-idx3-ubyte.gz"), idx.files().get(0));
    }

    @Test
    void relativePathsResolveAgainstAGivenBaseDirectory() {
        Path base = Path.of("/experiments/fashion");
        DataSpec d = reader.parse(CSV, "exp.yaml", base).data();
        assertEquals(Path.of("/experiments/fashion/data/train.csv"), d.files().get(0));
        DataSpec absolute = reader.parse(CSV.replace("directory: data", "directory: /mnt/d"), "exp.yaml", base).data();
        assertEquals(Path.of("/mnt/d/train.csv"), absolute.files().get(0));
        assertEquals(Path.of("/elsewhere/train.csv"), d.withDirectory(Path.of("/elsewhere")).files().get(0));
    }

    @Test
    void theSectionRoundTripsThroughYamlAndJson() throws IOException {
        for (String text : new String[] {IDX, CSV, CSV.replace("standardize: true", "scale: [-1, 1]"),
                CSV.replace("label_column: label", "label_column: 3\n  header: false\n  skip_rows: 2"),
                CSV.replace("  test: {file: /srv/test.csv}\n", "  test_split: 0.3\n  seed: 9\n  validation_split: 0.1\n")}) {
            ModelConfig c = reader.read(Files.writeString(dir.resolve("exp.yaml"), text));
            ModelConfig yaml = reader.parse(ConfigWriter.toYaml(c), "again.yaml");
            ModelConfig json = reader.parse(ConfigWriter.toJson(c), "again.json");
            assertEquals(c.data(), yaml.data());
            assertEquals(c.data(), json.data());
            assertEquals(ConfigWriter.toTree(c), ConfigWriter.toTree(yaml));
        }
    }

    @Test
    void withoutASectionThereIsNoDataAndNothingIsWritten() {
        ModelConfig c = reader.parse(MODEL, "exp.yaml");
        assertNull(c.data());
        assertFalse(ConfigWriter.toTree(c).has("data"));
        assertEquals(c.data(), c.withTraining(c.training().overriddenBy(3, null, null)).data());
    }

    @Test
    void unknownKeysListTheKeysOfThatFormat() {
        assertEquals("data.label_column: unknown key 'label_column'. Accepted keys here: directory, format, "
                + "one_hot, scale, seed, standardize, test, test_split, train, validation_split.",
                error(IDX.replace("scale: 255", "label_column: 0")));
        assertEquals("data.train.file: unknown key 'file'. Accepted keys here: images, labels.",
                error(IDX.replace("{images: train-images-idx3-ubyte.gz, labels: train-labels-idx1-ubyte.gz}",
                        "{file: train.csv}")));
        assertEquals("data.one_hott: unknown key 'one_hott'. Did you mean 'one_hot'? Accepted keys here: directory, "
                + "format, header, label_column, one_hot, scale, seed, skip_rows, standardize, test, test_split, "
                + "train, validation_split.",
                error(CSV.replace("standardize: true", "one_hott: 3")));
    }

    @Test
    void wrongTypesAndValuesGiveThePath() {
        assertEquals("data.format: Unknown data format 'idz'. Did you mean 'idx'? Available: csv, idx, npy, npz. "
                + "A plugin jar on the class path that lists its class in META-INF/services/"
                + "org.neurite.core.spi.DataFormat provides new names.",
                error(IDX.replace("format: idx", "format: idz")));
        assertEquals("data.one_hot: expected one_hot, the number of classes (a whole number) but found 'ten'",
                error(IDX.replace("one_hot: 10", "one_hot: ten")));
        assertEquals("data.one_hot: one_hot, the number of classes must be at least 2, got 1",
                error(IDX.replace("one_hot: 10", "one_hot: 1")));
        assertEquals("data.scale: scale must be a positive number (the value that becomes 1), got -255.0",
                error(IDX.replace("scale: 255", "scale: -255")));
        assertEquals("data.scale: the range [1.0, 1.0] is empty; it needs min < max",
                error(IDX.replace("scale: 255", "scale: [1, 1]")));
        assertEquals("data.scale: expected scale: the largest value (such as 255), or a range [min, max], mapped to "
                + "[0, 1] but found 'max'", error(IDX.replace("scale: 255", "scale: max")));
        assertEquals("data.train.images: expected a file name (a string) but found 3",
                error(IDX.replace("images: train-images-idx3-ubyte.gz", "images: 3")));
        assertEquals("data.standardize: expected standardize (true or false) but found 'yes please'",
                error(CSV.replace("standardize: true", "standardize: yes please")));
        assertEquals("data: expected the data section (an object with format, train and optionally test, directory, "
                + "scale, standardize, one_hot, test_split, validation_split, seed) but found 'mnist'",
                error(MODEL + "data: mnist\n"));
        assertEquals("data.test_split: test_split must be in [0, 1), got 1.0",
                error(CSV.replace("  test: {file: /srv/test.csv}\n", "  test_split: 1\n")));
    }

    @Test
    void missingPartsAreNamed() {
        assertEquals("data.format: missing; required: the data format, one of csv, idx, npy, npz",
                error(IDX.replace("  format: idx\n", "")));
        assertEquals("data.train.labels: missing; required: the IDX label file",
                error(IDX.replace(", labels: train-labels-idx1-ubyte.gz", "")));
        assertEquals("data: data format 'csv' needs label_column, which has no default. accepted: label_column "
                + "(name or 0-based index, required), header (boolean, default true), skip_rows (integer in "
                + "[0, 2147483647], default 0).", error(CSV.replace("  label_column: label\n", "")));
        assertTrue(error(IDX.replace("  train: {images: train-images-idx3-ubyte.gz, labels: "
                + "train-labels-idx1-ubyte.gz}\n", "")).startsWith("data.train: missing; required: the training files"));
    }

    @Test
    void aLabelColumnNameNeedsAHeader() {
        assertEquals("data.label_column: format 'csv': a label column named 'label' needs header: true; with "
                + "header: false give the column's 0-based index, such as label_column: 0",
                error(CSV.replace("label_column: label", "label_column: label\n  header: false")));
        assertTrue(error(CSV.replace("label_column: label", "label_column: 1.5")).startsWith("data.label_column: "
                + "data format 'csv': label_column = 1.5 is neither a name (a string) nor a 0-based index (a whole "
                + "number ≥ 0)."));
        assertTrue(error(CSV.replace("label_column: label", "label_column: -1")).startsWith("data.label_column: "
                + "data format 'csv': label_column = -1 is neither a name"));
    }

    @Test
    void scaleAndStandardizeExcludeEachOther() {
        assertEquals("data.standardize: scale and standardize are both given; use one: scale maps a known range "
                + "(such as 0 to 255) to [0, 1], standardize centres each feature on the training mean with unit "
                + "variance", error(CSV.replace("standardize: true", "standardize: true\n  scale: 255")));
    }

    @Test
    void testFilesAndTestSplitExcludeEachOther() {
        assertEquals("data.test_split: test files and test_split are both given; use one: test names the test files, "
                + "test_split holds out a seeded, shuffled fraction of the training rows",
                error(CSV + "  test_split: 0.2\n"));
    }

    @Test
    void validationSplitIsGivenOnce() {
        assertEquals("data.validation_split: training.validation_split is given too; use one (both hold out the last "
                + "fraction of the training rows, but data.validation_split does so before standardize is fitted)",
                error(CSV + "  validation_split: 0.2\ntraining: {validation_split: 0.1}\n"));
    }
}
