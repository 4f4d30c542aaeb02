package org.neurite.examples.fashion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.model.Model;
import org.neurite.core.model.ModelAssembler;
import org.neurite.core.plugin.Plugins;

class FashionMnistExampleTest {
    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = FashionMnistExample.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path data() throws IOException {
        return SyntheticFashion.write(dir.resolve("data"));
    }

    private Path tinyConfig() throws IOException {
        Path configs = Files.createDirectories(dir.resolve("configs"));
        return Files.writeString(configs.resolve("tiny.yaml"), SyntheticFashion.TINY_CONFIG);
    }

    @Test
    void aTinyConfigTrainsOnDataFromTheDataOptionAndReportsJson() throws IOException {
        Path data = data();
        Result r = run("--config", tinyConfig().toString(), "--data", data.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(r.out().strip(), json.toString(), "nothing but the object on stdout");
        double accuracy = json.get("test_accuracy").asDouble();
        assertTrue(accuracy > 0.5 && accuracy <= 1, "the bands are easy to tell apart: " + accuracy);
        assertTrue(json.get("test_loss").asDouble() > 0, r.out());
        assertEquals(100, json.get("test_samples").asInt());
        assertEquals(10, json.get("confusion_matrix").size());
        long total = 0;
        long diagonal = 0;
        for (int a = 0; a < 10; a++) {
            assertEquals(10, json.get("confusion_matrix").get(a).size());
            for (int p = 0; p < 10; p++) {
                total += json.get("confusion_matrix").get(a).get(p).asLong();
                diagonal += a == p ? json.get("confusion_matrix").get(a).get(p).asLong() : 0;
            }
        }
        assertEquals(100, total);
        assertEquals(accuracy, diagonal / 100.0, 1e-12);
        assertEquals(10, json.get("per_class").size());
        assertEquals("Ankle boot", json.get("per_class").get(9).get("name").asText());
        assertEquals(10, json.get("per_class").get(9).get("support").asInt());
        for (String key : new String[] {"precision", "recall", "f1"}) {
            double v = json.get("per_class").get(0).get(key).asDouble();
            assertTrue(v >= 0 && v <= 1, key + " = " + v);
        }
        for (String key : new String[] {"loss", "accuracy", "val_loss", "val_accuracy"}) {
            assertEquals(2, json.get("history").get(key).size(), key);
        }
        assertEquals(2, json.get("epoch_seconds").size());
        assertEquals(7, json.get("seed").asLong());
        assertEquals(16, json.get("config").get("layers").get(0).get("units").asInt());
        assertEquals(data.toAbsolutePath().toString(), json.get("config").get("data").get("directory").asText());
        assertTrue(r.err().contains("Epoch 2/2"), "progress goes to stderr with --json: " + r.err());
    }

    @Test
    void theTextReportShowsProgressAccuracyTheConfusionMatrixAndPerClassScores() throws IOException {
        Result r = run("--config", tinyConfig().toString(), "--data", data().toString());
        assertEquals(0, r.exitCode(), r.err());
        String out = r.out();
        assertTrue(out.contains("Total params: 12730"), out);
        assertEquals(2, out.lines().filter(l -> l.startsWith("Epoch ") && l.contains("val_accuracy")).count(), out);
        assertTrue(out.contains("val_ figures: the test set (100 samples)"), out);
        assertTrue(out.contains("Test accuracy: "), out);
        assertTrue(out.contains("actual \\ predicted"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("0: T-shirt/top")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("9: Ankle boot")), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("precision") && l.contains("recall") && l.contains("f1")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("Sneaker ")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("macro avg")), out);
    }

    @Test
    void aValidationSplitHoldsOutTrainingDataInsteadOfTheTestSet() throws IOException {
        Path config = Files.writeString(dir.resolve("split.yaml"),
                SyntheticFashion.TINY_CONFIG.replace("verbose: 2}", "verbose: 2, validation_split: 0.2}"));
        Result r = run("--config", config.toString(), "--data", data().toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("val_ figures: the validation split (60 samples)"), r.out());
        assertTrue(r.out().contains("Training 2 epochs, 8 batches each, seed 7"), "240 samples in batches of 32: "
                + r.out());
        assertTrue(r.out().contains("(100 samples)"), "the report is still on the test set: " + r.out());
    }

    @Test
    void theEmbeddedConfigReadsTheSameFilesFromTheDataOption() throws IOException {
        Result r = run("--data", data().toString(), "--epochs", "1", "--verbose", "0", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode layers = json.get("config").get("layers");
        assertEquals(256, layers.get(0).get("units").asInt());
        assertEquals(128, layers.get(1).get("units").asInt());
        assertEquals(10, layers.get(2).get("units").asInt());
        assertEquals("sgd", json.get("config").get("optimizer").get("name").asText());
        assertEquals(0.1, json.get("config").get("optimizer").get("learning_rate").asDouble());
        assertEquals(64, json.get("config").get("training").get("batch_size").asInt());
        assertEquals(1, json.get("history").get("loss").size());
    }

    @Test
    void missingDataExitWithTwoAndSayHowToInstallThem() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Result r = run("--data", empty.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: the Fashion-MNIST data are missing: "
                + empty.toAbsolutePath().resolve("train-images-idx3-ubyte.gz")), r.err());
        assertTrue(r.err().contains("sudo apt-get install dataset-fashion-mnist"), r.err());
        assertTrue(r.err().contains("/usr/share/datasets/fashion-mnist"), r.err());
        assertTrue(r.err().contains("--data DIR"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertEquals("", r.out());
    }

    @Test
    void badOptionsAndConfigurationsExitWithTwo() throws IOException {
        assertEquals(2, run("--epochs", "0").exitCode());
        assertEquals(2, run("--verbose", "3").exitCode());
        assertEquals(2, run("--epochs", "many").exitCode());
        assertEquals(2, run("--no-such-option").exitCode());
        assertEquals(2, run("--config", dir.resolve("missing.yaml").toString()).exitCode());
        Path noData = Files.writeString(dir.resolve("no-data.yaml"),
                SyntheticFashion.TINY_CONFIG.substring(0, SyntheticFashion.TINY_CONFIG.indexOf("data:")));
        Result r = run("--config", noData.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: " + noData + ": data: missing; this example trains on the data"), r.err());
        Path typo = Files.writeString(dir.resolve("typo.yaml"), SyntheticFashion.TINY_CONFIG.replace("one_hot", "onehot"));
        Result t = run("--config", typo.toString());
        assertEquals(2, t.exitCode());
        assertTrue(t.err().startsWith("error: " + typo + ": data.onehot: unknown key 'onehot'. Did you mean 'one_hot'?"),
                t.err());
    }

    @Test
    void aNetworkOfAnotherInputWidthIsAConfigurationError() throws IOException {
        Path config = Files.writeString(dir.resolve("wide.yaml"),
                SyntheticFashion.TINY_CONFIG.replace("[784]", "[785]"));
        Result r = run("--config", config.toString(), "--data", data().toString());
        assertEquals(2, r.exitCode());
        assertEquals("error: " + config + ": input_shape: the data have 784 features per sample but the network "
                + "takes 785; use input_shape: [784]", r.err().strip());
    }

    @Test
    void aTruncatedDataFileIsADataErrorExitingWithTwoNamingTheFileAndTheOffset() throws IOException {
        Path data = data();
        Path images = data.resolve("t10k-images-idx3-ubyte.gz");
        byte[] bytes = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(bytes, bytes.length / 3));
        Result r = run("--config", tinyConfig().toString(), "--data", data.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: " + images.toAbsolutePath() + ": at byte 16: expected 78400 bytes of "
                + "pixel data for 100 images of 28×28, found "), r.err());
    }

    @Test
    void plotsAreWrittenAsPngChartsAndTheSavedModelLoads() throws IOException {
        Path plots = dir.resolve("plots");
        Path file = dir.resolve("fashion.neurite");
        Result r = run("--config", tinyConfig().toString(), "--data", data().toString(), "--verbose", "0",
                "--plot", plots.toString(), "--save", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        for (String name : new String[] {"loss.png", "accuracy.png", "confusion-matrix.png"}) {
            BufferedImage image = ImageIO.read(plots.resolve(name).toFile());
            assertNotNull(image, name + " is a readable PNG");
            assertTrue(image.getWidth() >= 800, name);
        }
        Model model = Model.load(file, new ModelAssembler(Plugins.discover()));
        assertEquals(2, model.history().epochs());
        assertEquals(784, model.network().inputSize());
    }

    @Test
    void theRegularizedConfigTrainsReproduciblyAndItsModelKeepsTheMovingStatistics() throws Exception {
        Path config = Path.of(FashionMnistExampleTest.class.getResource("/fashion-mnist-regularized.yaml").toURI());
        Path data = data();
        Path file = dir.resolve("regularized.neurite");
        Result first = run("--config", config.toString(), "--data", data.toString(), "--epochs", "2",
                "--verbose", "0", "--json", "--save", file.toString());
        assertEquals(0, first.exitCode(), first.err());
        Result second = run("--config", config.toString(), "--data", data.toString(), "--epochs", "2",
                "--verbose", "0", "--json");
        assertEquals(0, second.exitCode(), second.err());
        ObjectMapper mapper = new ObjectMapper();
        JsonNode a = mapper.readTree(first.out());
        JsonNode b = mapper.readTree(second.out());
        JsonNode layers = a.get("config").get("layers");
        assertEquals("batch_normalization", layers.get(1).get("type").asText());
        assertEquals("dropout", layers.get(3).get("type").asText());
        assertEquals(0.2, layers.get(3).get("rate").asDouble());
        assertEquals(a.get("history"), b.get("history"), "a seeded run with dropout is bit-identical");
        assertTrue(a.get("history").get("loss").get(1).asDouble() < a.get("history").get("loss").get(0).asDouble(),
                "the loss falls: " + a.get("history"));
        Model model = Model.load(file, new ModelAssembler(Plugins.discover()));
        var variance = model.network().state().get("batch_normalization_1/moving_variance");
        assertNotNull(variance, "the moving statistics are saved: " + model.network().state().keySet());
        assertEquals(256, variance.cols());
        boolean moved = false;
        for (float v : variance.data()) {
            moved |= v != 1f;
        }
        assertTrue(moved, "training moved the moving variance off its initial ones");
    }
}
