package org.neurite.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.io.Npy;

/** Runs {@code bin/neurite} as a user would, from a shell, on files in a folder of their own. */
class NeuriteLauncherIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void trainsXorThenPredictsFromCsvAndNpyAndEvaluates() throws Exception {
        TestData.xor(dir, "relu", 1000);
        Launcher.Result trained = Launcher.run(dir, "train", "xor.yaml", "--save", "xor.neurite", "--json");
        assertEquals(0, trained.exitCode(), trained.toString());
        JsonNode json = JSON.readTree(trained.out());
        assertEquals(1.0, json.get("test").get("accuracy").asDouble(), trained.toString());
        assertEquals(1000, json.get("history").get("loss").size());
        assertEquals(1000, json.get("history").get("learning_rate").size());
        assertEquals((double) 0.1f, json.get("history").get("learning_rate").get(999).asDouble(), "float32, as Keras logs it");
        assertEquals(42, json.get("seed").asLong());
        assertTrue(Files.isRegularFile(dir.resolve("xor.neurite")));
        // Quiet by default: the kernels line, no discovery details.
        assertFalse(trained.err().contains("Discovered"), trained.err());

        Files.writeString(dir.resolve("in.csv"), "0,0\n0,1\n1,0\n1,1\n");
        Files.write(dir.resolve("in.npy"), Npy.write(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2));
        Launcher.Result csv = Launcher.run(dir, "predict", "xor.neurite", "--input", "in.csv", "--output", "-");
        assertEquals(0, csv.exitCode(), csv.toString());
        Launcher.Result npy = Launcher.run(dir, "predict", "xor.neurite", "--input", "in.npy", "--output", "out.npy");
        assertEquals(0, npy.exitCode(), npy.toString());
        Launcher.Result csvFile = Launcher.run(dir, "predict", "xor.neurite", "--input", "in.npy",
                "--output", "out.csv");
        assertEquals(0, csvFile.exitCode(), csvFile.toString());

        float[][] fromCsv = parseCsv(csv.out());
        Npy.Array fromNpy = Npy.read(Files.readAllBytes(dir.resolve("out.npy")));
        assertArrayEquals(new int[] {4, 2}, fromNpy.shape());
        assertEquals(csv.out(), Files.readString(dir.resolve("out.csv")), "the same outputs in both CSV forms");
        int[] expected = {0, 1, 1, 0};
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 2; c++) {
                assertEquals(Float.floatToIntBits(fromNpy.data()[r * 2 + c]), Float.floatToIntBits(fromCsv[r][c]),
                        "CSV and .npy hold the same float at " + r + "," + c);
            }
            int predicted = fromCsv[r][1] > fromCsv[r][0] ? 1 : 0;
            assertEquals(expected[r], predicted, "XOR row " + r + ": " + csv.out());
        }

        Files.writeString(dir.resolve("labels.csv"), "0\n1\n1\n0\n");
        Launcher.Result evaluated = Launcher.run(dir, "evaluate", "xor.neurite", "--input", "in.csv",
                "--labels", "labels.csv", "--json");
        assertEquals(0, evaluated.exitCode(), evaluated.toString());
        assertEquals(1.0, JSON.readTree(evaluated.out()).get("accuracy").asDouble());
        Launcher.Result onTestData = Launcher.run(dir, "evaluate", "xor.neurite");
        assertEquals(0, onTestData.exitCode(), onTestData.toString());
        assertTrue(onTestData.out().contains("precision") && onTestData.out().contains("accuracy 1.0000"),
                onTestData.toString());

        Launcher.Result summary = Launcher.run(dir, "summary", "xor.neurite");
        assertEquals(0, summary.exitCode(), summary.toString());
        assertTrue(summary.out().contains("Total params: 42") && summary.out().contains("trained 1000 epochs"),
                summary.toString());
        Launcher.Result configSummary = Launcher.run(dir, "summary", "xor.yaml");
        assertEquals(0, configSummary.exitCode(), configSummary.toString());
        assertTrue(configSummary.out().contains("Total params: 42"), configSummary.toString());
    }

    @Test
    void trainsAFashionLikeImageConfigurationAndReportsPerClassFigures() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        TestData.fashion(data);
        Files.move(data.resolve("fashion.yaml"), dir.resolve("fashion.yaml"));
        Launcher.Result noData = Launcher.run(dir, "train", "fashion.yaml");
        assertEquals(2, noData.exitCode(), noData.toString());
        assertTrue(noData.err().contains("not found") && noData.err().contains("--data DIR"), noData.toString());

        Launcher.Result r = Launcher.run(dir, "train", "fashion.yaml", "--data", "data", "--save", "fashion.neurite",
                "--plot", "plots");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("Epoch 3/3"), r.toString());
        assertTrue(r.out().contains("Test (100 samples)"), r.toString());
        assertTrue(r.out().contains("weighted avg") && r.out().contains("9: class 9"), r.toString());
        String accuracy = r.out().lines().filter(l -> l.startsWith("accuracy")).findFirst().orElseThrow();
        double value = Double.parseDouble(accuracy.trim().split("\\s+")[1]);
        assertTrue(value > 0.8, "the bands are easy to tell apart: " + accuracy);
        for (String chart : List.of("loss.png", "accuracy.png")) {
            byte[] png = Files.readAllBytes(dir.resolve("plots").resolve(chart));
            assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', chart + " is a PNG");
        }
    }

    /**
     * One CSV file in scikit-learn's iris.csv layout (a counts line, then features and the class)
     * is enough: test_split holds out a seeded fifth of the rows, train reports its accuracy, and
     * evaluate on the saved model finds the same rows again.
     */
    @Test
    void trainsOnOneCsvFileWithATestSplitAndReportsTestAccuracy() throws Exception {
        StringBuilder csv = new StringBuilder("150,4,setosa,versicolor,virginica\n");
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int i = 0; i < 150; i++) {
            int c = i / 50;
            for (int f = 0; f < 4; f++) {
                csv.append(String.format(java.util.Locale.ROOT, "%.1f,", 3 * c + (f % 2) + random.nextGaussian() * 0.3));
            }
            csv.append(c).append('\n');
        }
        Files.writeString(dir.resolve("iris.csv"), csv);
        Files.writeString(dir.resolve("iris.yaml"), """
                input_shape: [4]
                layers:
                  - {type: dense, units: 8, activation: relu}
                  - {type: dense, units: 3, activation: softmax}
                loss: categorical_crossentropy
                optimizer: {name: sgd, learning_rate: 0.1}
                metrics: [accuracy]
                training: {epochs: 60, batch_size: 16, seed: 1, verbose: 0}
                data: {format: csv, train: {file: iris.csv}, skip_rows: 1, header: false, label_column: 4,
                       one_hot: 3, standardize: true, test_split: 0.2, seed: 11}
                """);
        Launcher.Result r = Launcher.run(dir, "train", "iris.yaml", "--save", "iris.neurite");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("Test (30 samples)"), "ceil(150 × 0.2) rows held out: " + r);
        String accuracy = r.out().lines().filter(l -> l.startsWith("accuracy")).findFirst().orElseThrow();
        assertTrue(Double.parseDouble(accuracy.trim().split("\\s+")[1]) > 0.9, accuracy);

        Launcher.Result json = Launcher.run(dir, "train", "iris.yaml", "--json");
        assertEquals(0, json.exitCode(), json.toString());
        JsonNode test = JSON.readTree(json.out()).get("test");
        assertEquals(30, test.get("samples").asInt(), json.out());
        Launcher.Result evaluated = Launcher.run(dir, "evaluate", "iris.neurite", "--json");
        assertEquals(0, evaluated.exitCode(), evaluated.toString());
        assertEquals(test.get("accuracy").asDouble(), JSON.readTree(evaluated.out()).get("accuracy").asDouble(),
                "the saved configuration holds the split's seed: the same 30 test rows, the same figures");
        assertEquals(test.get("metrics").get("loss").asDouble(),
                JSON.readTree(evaluated.out()).get("metrics").get("loss").asDouble());
    }

    @Test
    void aStrangersPluginJarIsFoundThroughPluginsAndTheEnvironment() throws Exception {
        Path jar = StrangerJar.build(dir.resolve("stranger"));
        Path plugins = jar.getParent();
        TestData.xor(dir, "cube", 50);

        Launcher.Result without = Launcher.run(dir, "train", "xor.yaml");
        assertEquals(2, without.exitCode(), without.toString());
        assertTrue(without.err().contains("Unknown activation 'cube'"), without.toString());
        assertTrue(without.err().contains("Plugin jars were searched in:")
                && without.err().contains("(installation)"), "says where it looked: " + without);

        Launcher.Result with = Launcher.run(dir, "train", "xor.yaml", "--plugins", plugins.toString(), "--save", "m.neurite");
        assertEquals(0, with.exitCode(), with.toString());

        Launcher.Result viaEnvironment = Launcher.run(dir, Map.of("NEURITE_PLUGINS", plugins.toString()),
                "summary", "m.neurite");
        assertEquals(0, viaEnvironment.exitCode(), viaEnvironment.toString());
        assertTrue(viaEnvironment.out().contains("cube") && viaEnvironment.out().contains("stranger-plugin.jar"),
                viaEnvironment.toString());

        Launcher.Result listed = Launcher.run(dir, "plugins", "--plugins", plugins.toString());
        assertEquals(0, listed.exitCode(), listed.toString());
        String cubeLine = listed.out().lines().filter(l -> l.trim().startsWith("cube ")).findFirst().orElseThrow();
        assertTrue(cubeLine.contains(jar.toString()) && cubeLine.contains("[--plugins]"), cubeLine);
        assertTrue(listed.out().contains(plugins + " (--plugins): 1 jar"), listed.toString());

        Launcher.Result missingModelPlugin = Launcher.run(dir, "predict", "m.neurite", "--input", "xor.csv",
                "--output", "-");
        assertEquals(2, missingModelPlugin.exitCode(), "a model whose plugin is missing: " + missingModelPlugin);

        TestData.xor(dir, "explode", 5);
        Launcher.Result bug = Launcher.run(dir, "train", "xor.yaml", "--plugins", jar.toString());
        assertEquals(1, bug.exitCode(), "a plugin's own bug is not the user's mistake: " + bug);
        assertTrue(bug.err().contains("explode has a bug"), bug.toString());
    }

    @Test
    void everyExitCode() throws Exception {
        TestData.xor(dir, "relu", 20);
        Launcher.Result version = Launcher.run(dir, "--version");
        assertEquals(0, version.exitCode(), version.toString());
        assertTrue(version.out().startsWith("neurite 0."), version.toString());
        assertEquals(0, Launcher.run(dir, "train", "--help").exitCode());

        assertEquals(2, Launcher.run(dir).exitCode(), "no subcommand");
        assertEquals(2, Launcher.run(dir, "fly").exitCode(), "unknown subcommand");
        assertEquals(2, Launcher.run(dir, "train", "xor.yaml", "--epochs", "0").exitCode());
        assertEquals(2, Launcher.run(dir, "train", "xor.yaml", "--epochs", "many").exitCode());
        assertEquals(2, Launcher.run(dir, "train", "missing.yaml").exitCode());
        assertEquals(2, Launcher.run(dir, "train", "xor.yaml", "--log-level", "loud").exitCode());
        assertEquals(2, Launcher.run(dir, "plugins", "--plugins", "no-such-folder").exitCode());

        Files.writeString(dir.resolve("nodata.yaml"), "input_shape: [2]\nlayers: [{type: dense, units: 2}]\n"
                + "loss: mean_squared_error\noptimizer: sgd\n");
        Launcher.Result noData = Launcher.run(dir, "train", "nodata.yaml");
        assertEquals(2, noData.exitCode(), noData.toString());
        assertTrue(noData.err().contains("nodata.yaml: data: missing"), noData.toString());

        Launcher.Result badSave = Launcher.run(dir, "train", "xor.yaml", "--save", "no/such/dir/m.neurite");
        assertEquals(2, badSave.exitCode(), badSave.toString());
        assertTrue(badSave.err().contains("does not exist; create it first"), badSave.toString());
        assertFalse(badSave.out().contains("Trained"), "checked before training: " + badSave);
        Launcher.Result saveIsDirectory = Launcher.run(dir, "train", "xor.yaml", "--save", ".");
        assertEquals(2, saveIsDirectory.exitCode(), saveIsDirectory.toString());
        assertTrue(saveIsDirectory.err().contains("is a directory"), saveIsDirectory.toString());
        Launcher.Result plotIsFile = Launcher.run(dir, "train", "xor.yaml", "--plot", "xor.csv");
        assertEquals(2, plotIsFile.exitCode(), plotIsFile.toString());
        assertTrue(plotIsFile.err().contains("--plot xor.csv is a file"), plotIsFile.toString());

        assertEquals(0, Launcher.run(dir, "train", "xor.yaml", "--save", "m.neurite").exitCode());
        Files.writeString(dir.resolve("wide.csv"), "1,2,3\n");
        Launcher.Result wide = Launcher.run(dir, "predict", "m.neurite", "--input", "wide.csv", "--output", "-");
        assertEquals(2, wide.exitCode(), wide.toString());
        assertTrue(wide.err().contains("has 3 values per row but the model takes 2"), wide.toString());
        Files.writeString(dir.resolve("nan.csv"), "1,NaN\n");
        Launcher.Result nan = Launcher.run(dir, "predict", "m.neurite", "--input", "nan.csv", "--output", "-");
        assertEquals(2, nan.exitCode(), nan.toString());
        assertEquals(2, Launcher.run(dir, "predict", "m.neurite", "--input", "in.txt", "--output", "-").exitCode());

        byte[] model = Files.readAllBytes(dir.resolve("m.neurite"));
        Files.write(dir.resolve("cut.neurite"), java.util.Arrays.copyOf(model, model.length / 2));
        Launcher.Result cut = Launcher.run(dir, "summary", "cut.neurite");
        assertEquals(2, cut.exitCode(), "a truncated model file: " + cut);
        Launcher.Result notAModel = Launcher.run(dir, "predict", "xor.csv", "--input", "wide.csv", "--output", "-");
        assertEquals(2, notAModel.exitCode(), notAModel.toString());
        for (Launcher.Result r : List.of(noData, badSave, wide, nan, cut)) {
            assertFalse(r.err().contains("\tat "), "no stack trace for the user's mistakes: " + r);
        }
    }

    static float[][] parseCsv(String text) {
        return text.lines().map(l -> {
            String[] cells = l.split(",");
            float[] row = new float[cells.length];
            for (int i = 0; i < cells.length; i++) {
                row[i] = Float.parseFloat(cells[i]);
            }
            return row;
        }).toArray(float[][]::new);
    }
}
