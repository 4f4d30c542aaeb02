package org.neurite.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.config.ConfigException;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.config.ConfigWriter;
import org.neurite.core.config.ModelConfig;
import org.neurite.core.data.Dataset;
import org.neurite.core.model.Model;
import org.neurite.core.model.ModelAssembler;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.train.History;

/** The built-in callbacks, configured by name in {@code training.callbacks}, do what Keras's do. */
class CallbacksTest {
    private static final Plugins PLUGINS = Plugins.discover();
    private static final String CONFIG = """
            input_shape: [2]
            layers:
              - {type: dense, units: 8, activation: tanh}
              - {type: dense, units: 2, activation: softmax}
            loss: categorical_crossentropy
            optimizer: {name: sgd, learning_rate: 0.3}
            metrics: [accuracy]
            training:
              epochs: 12
              batch_size: 4
              seed: 5
              verbose: 0
              validation_split: 0.25
              callbacks: [%s]
            """;

    @TempDir
    Path dir;

    private static Dataset data() {
        Matrix x = new Matrix(16, 2);
        Matrix y = new Matrix(16, 2);
        for (int r = 0; r < 16; r++) {
            int a = r & 1;
            int b = (r >> 1) & 1;
            x.set(r, 0, a + 0.05f * (r >> 2));
            x.set(r, 1, b - 0.05f * (r >> 2));
            y.set(r, a ^ b, 1);
        }
        return new Dataset(x, y);
    }

    private static ModelConfig config(String callbacks) {
        return new ConfigReader(PLUGINS).parse(String.format(CONFIG, callbacks), "net.yaml");
    }

    private static Model model(String callbacks) {
        return new ModelAssembler(PLUGINS).assemble(config(callbacks));
    }

    @Test
    void csvLoggerWritesAHeaderOfSortedKeysAndOneRowPerEpochWithTheHistorysValues() throws IOException {
        Path csv = dir.resolve("log.csv");
        Model model = model("{name: csv_logger, filename: '" + csv + "'}");
        History h = model.fit(data());

        List<String> lines = Files.readAllLines(csv);
        assertEquals("epoch,accuracy,learning_rate,loss,val_accuracy,val_loss", lines.get(0));
        assertEquals(13, lines.size(), "a header and 12 epochs");
        for (int e = 0; e < 12; e++) {
            String[] cells = lines.get(e + 1).split(",");
            assertEquals(Integer.toString(e), cells[0], "Keras counts epochs from 0 in the log");
            assertEquals(h.get("accuracy").get(e), Double.parseDouble(cells[1]));
            assertEquals(h.get("learning_rate").get(e), Double.parseDouble(cells[2]));
            assertEquals(h.get("loss").get(e), Double.parseDouble(cells[3]));
            assertEquals(h.get("val_accuracy").get(e), Double.parseDouble(cells[4]));
            assertEquals(h.get("val_loss").get(e), Double.parseDouble(cells[5]));
        }
    }

    @Test
    void csvLoggerAppendsWithoutASecondHeader() throws IOException {
        Path csv = dir.resolve("log.csv");
        Model model = model("{name: csv_logger, filename: '" + csv + "', append: true, separator: ';'}");
        model.fit(data());
        model.fit(data(), model.fitOptions().epochs(3).build());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(1 + 12 + 3, lines.size());
        assertEquals("epoch;accuracy;learning_rate;loss;val_accuracy;val_loss", lines.get(0));
        assertTrue(lines.get(13).startsWith("12;"), "the second call continues the epoch count: " + lines.get(13));
    }

    @Test
    void checkpointsEveryEpochAreCompleteModelFilesNamedByEpochAndLoss() throws IOException {
        String pattern = dir.resolve("m-{epoch:02d}-{loss:.3f}.neurite").toString();
        Model model = model("{name: model_checkpoint, filepath: '" + pattern + "', save_best_only: false}");
        History h = model.fit(data());

        List<Path> files = files();
        assertEquals(12, files.size());
        Path third = dir.resolve(String.format(java.util.Locale.ROOT, "m-03-%.3f.neurite", h.get("loss").get(2)));
        assertTrue(Files.exists(third), files.toString());
        Model loaded = Model.load(third, new ModelAssembler(PLUGINS));
        assertEquals(3, loaded.history().epochs(), "saved at the end of epoch 3, with its history");
        assertEquals(h.get("loss").subList(0, 3), loaded.history().get("loss"));
    }

    @Test
    void saveBestOnlySavesWhenTheMonitoredQuantityImprovesInItsMetricsDirection() throws IOException {
        String pattern = dir.resolve("best-{epoch}.neurite").toString();
        Model model = model("{name: model_checkpoint, filepath: '" + pattern + "', monitor: val_accuracy, "
                + "save_best_only: true}");
        History h = model.fit(data());

        List<Integer> expected = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (int e = 0; e < h.epochs(); e++) {
            double v = h.get("val_accuracy").get(e);
            if (v > best) {
                best = v;
                expected.add(e + 1);
            }
        }
        List<Integer> saved = files().stream().map(p -> p.getFileName().toString())
                .map(n -> Integer.parseInt(n.substring("best-".length(), n.indexOf('.')))).sorted().toList();
        assertEquals(expected, saved, "accuracy improves upward: " + h.get("val_accuracy"));
        assertTrue(saved.size() < 12, "not every epoch improves: " + h.get("val_accuracy"));
    }

    @Test
    void earlyStoppingAsACallbackStopsWhereTheTrainingSectionsEarlyStoppingStops() {
        Model callback = model("{name: early_stopping, monitor: val_loss, patience: 1, min_delta: 0.01}");
        String section = String.format(CONFIG, "").replace("callbacks: []",
                "early_stopping: {monitor: val_loss, patience: 1, min_delta: 0.01}");
        Model legacy = new ModelAssembler(PLUGINS).assemble(new ConfigReader(PLUGINS).parse(section, "old.yaml"));
        History a = callback.fit(data(), callback.fitOptions().epochs(200).build());
        History b = legacy.fit(data(), legacy.fitOptions().epochs(200).build());
        assertTrue(a.epochs() < 200, "it stops: " + a.epochs());
        assertEquals(b.asMap(), a.asMap());
    }

    @Test
    void callbacksAreReadStrictlyAndWrittenBack() {
        ModelConfig c = config("{name: csv_logger, filename: log.csv}, early_stopping");
        ModelConfig again = new ConfigReader(PLUGINS).parse(ConfigWriter.toYaml(c), "again.yaml");
        assertEquals(ConfigWriter.toTree(c), ConfigWriter.toTree(again));
        assertEquals(List.of("csv_logger", "early_stopping"),
                again.training().callbacks().stream().map(s -> s.name()).toList());

        ConfigException unknown = assertThrows(ConfigException.class, () -> config("csv_loger"));
        assertEquals("training.callbacks[0]", unknown.path());
        assertTrue(unknown.getMessage().contains("Did you mean 'csv_logger'?"), unknown.getMessage());
        ConfigException missing = assertThrows(ConfigException.class, () -> config("{name: model_checkpoint}"));
        assertTrue(missing.getMessage().contains("needs filepath"), missing.getMessage());
        ConfigException format = assertThrows(ConfigException.class,
                () -> config("{name: model_checkpoint, filepath: 'm-{epoch:2x}.neurite'}"));
        assertEquals("training.callbacks[0].filepath", format.path());
        assertTrue(format.getMessage().contains("such as 02d or .4f"), format.getMessage());
    }

    @Test
    void aCheckpointOfAQuantityThatIsNotLoggedSaysWhatIs() {
        Model model = model("{name: model_checkpoint, filepath: '" + dir.resolve("m-{val_auc}.neurite") + "'}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.fit(data()));
        assertTrue(e.getMessage().contains("{val_auc}, which is not logged"), e.getMessage());
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".neurite")).sorted().toList();
        }
    }
}
