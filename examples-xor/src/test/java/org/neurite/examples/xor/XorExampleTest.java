package org.neurite.examples.xor;

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
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XorExampleTest {
    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = XorExample.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theDefaultRunLearnsXorAndPrintsSummaryProgressPredictionsAndFinalMetrics() {
        Result r = run();
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("dense_1 (Dense)"), r.out());
        assertTrue(r.out().contains("Total params: 42"), r.out());
        assertTrue(r.out().contains("Training 1000 epochs, 1 batches each, seed 42"), r.out());
        long progressLines = r.out().lines().filter(l -> l.startsWith("Epoch ")).count();
        assertEquals(11, progressLines, "epoch 1 and every 100th: " + r.out());
        for (String row : new String[] {"(0, 0)", "(0, 1)", "(1, 0)", "(1, 1)"}) {
            String line = r.out().lines().filter(l -> l.startsWith(row)).findFirst().orElseThrow();
            String[] cells = line.trim().split("\\s+");
            assertEquals(cells[cells.length - 1], cells[cells.length - 2], "predicted = expected: " + line);
        }
        assertTrue(r.out().contains("accuracy: 1.000000"), r.out());
    }

    @Test
    void jsonPrintsExactlyOneObjectOnStandardOutput() throws IOException {
        Result r = run("--json", "--epochs", "300");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(r.out().strip(), json.toString(), "nothing but the object on stdout");
        assertEquals(4, json.get("predictions").size());
        assertEquals(2, json.get("predictions").get(0).size());
        assertEquals(4, json.get("classes").size());
        assertEquals(300, json.get("history").get("loss").size());
        assertEquals(300, json.get("history").get("accuracy").size());
        assertEquals(42, json.get("seed").asLong());
        assertEquals("categorical_crossentropy", json.get("config").get("loss").asText());
        assertEquals(300, json.get("config").get("training").get("epochs").asInt());
        assertTrue(r.err().contains("Total params: 42"), "the human-readable report goes to stderr");
    }

    @Test
    void theDefaultRunPredictsTheRightClasses() throws IOException {
        JsonNode json = new ObjectMapper().readTree(run("--json", "--verbose", "0").out());
        assertEquals("[0,1,1,0]", json.get("classes").toString());
        assertEquals(1.0, json.get("history").get("accuracy").get(999).asDouble());
    }

    @Test
    void aBadConfigurationExitsWithTwoAndSaysWhereWithoutAStackTrace() throws IOException {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, XorExample.embeddedConfig().replace("activation: relu", "activation: rleu"));
        Result r = run("--config", config.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: " + config + ": layers[1].activation: Unknown activation 'rleu'. "
                + "Did you mean 'relu'?"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertEquals("", r.out());
    }

    @Test
    void aDirectoryAsTheConfigurationExitsWithTwoAndSaysSo() {
        Result r = run("--config", dir.toString());
        assertEquals(2, r.exitCode());
        assertEquals("error: " + dir + ": this is a directory; expected a configuration file (.yaml, .yml or .json)",
                r.err().strip());
    }

    @Test
    void anOutputWidthThatDoesNotFitTheTargetsExitsWithTwoLikeAnInputWidthMismatch() throws IOException {
        Path wide = dir.resolve("wide.yaml");
        Files.writeString(wide, XorExample.embeddedConfig().replace("{type: dense, units: 2}", "{type: dense, units: 3}"));
        Path narrow = dir.resolve("narrow.yaml");
        Files.writeString(narrow, XorExample.embeddedConfig().replace("input_shape: [2]", "input_shape: [3]"));

        Result output = run("--config", wide.toString());
        assertEquals(2, output.exitCode(), output.err());
        assertTrue(output.err().startsWith("error: " + wide + ": layers: the XOR targets are one-hot over 2 classes, "
                + "but the network outputs 3 values"), output.err());
        assertEquals(2, run("--config", narrow.toString()).exitCode());
    }

    @Test
    void badOptionsExitWithTwo() {
        assertEquals(2, run("--epochs", "0").exitCode());
        assertEquals(2, run("--verbose", "3").exitCode());
        assertEquals(2, run("--epochs", "many").exitCode());
        assertEquals(2, run("--load", "m.neurite", "--seed", "3").exitCode());
        assertEquals(2, run("--config", dir.resolve("missing.yaml").toString()).exitCode());
    }

    @Test
    void aSavedModelLoadsAndPredictsBitIdentically() throws IOException {
        Path file = dir.resolve("xor.neurite");
        Result trained = run("--json", "--verbose", "0", "--epochs", "200", "--save", file.toString());
        assertEquals(0, trained.exitCode(), trained.err());
        Result loaded = run("--json", "--load", file.toString());
        assertEquals(0, loaded.exitCode(), loaded.err());
        ObjectMapper mapper = new ObjectMapper();
        JsonNode a = mapper.readTree(trained.out());
        JsonNode b = mapper.readTree(loaded.out());
        assertEquals(a.get("predictions"), b.get("predictions"));
        assertEquals(a.get("history"), b.get("history"));
        assertEquals(a.get("config"), b.get("config"));
    }

    @Test
    void aDamagedModelFileIsADataErrorExitingWithTwoAndSaysSo() throws IOException {
        Path file = dir.resolve("xor.neurite");
        assertEquals(0, run("--verbose", "0", "--epochs", "5", "--save", file.toString()).exitCode());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Result r = run("--load", file.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertTrue(r.err().contains(file.toString()), r.err());
    }

    @Test
    void plotsAreWrittenAsPngCharts() throws IOException {
        Path plots = dir.resolve("plots");
        Result r = run("--verbose", "0", "--epochs", "100", "--plot", plots.toString());
        assertEquals(0, r.exitCode(), r.err());
        for (String name : new String[] {"loss.png", "accuracy.png", "decision-surface.png"}) {
            BufferedImage image = ImageIO.read(plots.resolve(name).toFile());
            assertNotNull(image, name + " is a readable PNG");
            assertTrue(image.getWidth() >= 600, name);
        }
    }
}
