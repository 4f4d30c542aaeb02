package org.neurite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.io.Npy;

/**
 * {@code neurite import} and {@code neurite export} run as a user would: Keras and ONNX files in,
 * ONNX out, the imported models predicting what Keras and PyTorch computed.
 */
class ImportExportIT {
    private static final Path KERAS = Path.of(System.getProperty("neurite.keras.fixtures",
            "../keras/src/test/resources/keras")).toAbsolutePath();
    private static final Path ONNX = Path.of(System.getProperty("neurite.onnx.fixtures",
            "../onnx/src/test/resources/onnx-import")).toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void importsAKerasFileAndPredictsWhatKerasComputed() throws Exception {
        Path folder = KERAS.resolve("k3_rhotacism_mlp");
        Launcher.Result imported = Launcher.run(dir, "import", folder.resolve("mlp_model.keras").toString(),
                "--output", "mlp.neurite");
        assertEquals(0, imported.exitCode(), imported.toString());
        assertTrue(imported.out().startsWith("Imported "), imported.toString());
        assertPredicts("mlp.neurite", folder.resolve("inputs_normal.npy"), folder.resolve("outputs_normal.npy"));
    }

    @Test
    void importsAKerasArchitectureWithItsWeights() throws Exception {
        Path folder = KERAS.resolve("w_2_3_dl4j_sparse_xent");
        Launcher.Result imported = Launcher.run(dir, "import",
                folder.resolve("simple_sparse_xent_mlp_keras_2_config.json").toString(), "--weights",
                folder.resolve("simple_sparse_xent_mlp_keras_2_weights.h5").toString(), "--output", "w.neurite");
        assertEquals(0, imported.exitCode(), imported.toString());
        assertPredicts("w.neurite", folder.resolve("inputs_uniform.npy"), folder.resolve("outputs_uniform.npy"));

        Launcher.Result missing = Launcher.run(dir, "import",
                folder.resolve("simple_sparse_xent_mlp_keras_2_config.json").toString(), "--output", "w2.neurite");
        assertEquals(2, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("give its weights with --weights FILE.h5"), missing.toString());
    }

    @Test
    void importsAPyTorchOnnxFileExportsItAgainAndImportsThatBack() throws Exception {
        Launcher.Result imported = Launcher.run(dir, "import", ONNX.resolve("batchnorm.onnx").toString(),
                "--output", "bn.neurite");
        assertEquals(0, imported.exitCode(), imported.toString());
        assertTrue(imported.err().contains("note: ONNX files hold no training configuration"), imported.toString());
        assertPredicts("bn.neurite", ONNX.resolve("batchnorm.inputs.npy"), ONNX.resolve("batchnorm.outputs.npy"));

        Launcher.Result exported = Launcher.run(dir, "export", "bn.neurite", "--format", "onnx", "--output", "bn.onnx");
        assertEquals(0, exported.exitCode(), exported.toString());
        assertTrue(exported.out().contains("Exported bn.neurite to bn.onnx"), exported.toString());
        Launcher.Result back = Launcher.run(dir, "import", "bn.onnx", "--output", "back.neurite");
        assertEquals(0, back.exitCode(), back.toString());
        assertPredicts("back.neurite", ONNX.resolve("batchnorm.inputs.npy"), ONNX.resolve("batchnorm.outputs.npy"));
    }

    @Test
    void exportsATrainedModel() throws Exception {
        TestData.xor(dir, "relu", 200);
        Launcher.Result trained = Launcher.run(dir, "train", "xor.yaml", "--save", "xor.neurite");
        assertEquals(0, trained.exitCode(), trained.toString());
        Launcher.Result exported = Launcher.run(dir, "export", "xor.neurite", "--output", "xor.onnx");
        assertEquals(0, exported.exitCode(), exported.toString());
        assertTrue(Files.size(dir.resolve("xor.onnx")) > 0);
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void usageAndDataErrorsExitWith2() throws Exception {
        TestData.xor(dir, "relu", 10);
        assertEquals(0, Launcher.run(dir, "train", "xor.yaml", "--save", "xor.neurite").exitCode());

        Launcher.Result format = Launcher.run(dir, "export", "xor.neurite", "--format", "pmml", "--output", "x.pmml");
        assertEquals(2, format.exitCode(), format.toString());
        assertTrue(format.err().contains("--format must be onnx, got 'pmml'"), format.toString());

        byte[] bytes = Files.readAllBytes(ONNX.resolve("relu_softmax.onnx"));
        Files.write(dir.resolve("broken.onnx"), Arrays.copyOf(bytes, bytes.length / 2));
        Launcher.Result broken = Launcher.run(dir, "import", "broken.onnx", "--output", "b.neurite");
        assertEquals(2, broken.exitCode(), broken.toString());
        assertTrue(broken.err().contains("not a valid ONNX model"), broken.toString());
        assertFalse(Files.exists(dir.resolve("b.neurite")));

        Files.writeString(dir.resolve("model.txt"), "hello");
        Launcher.Result extension = Launcher.run(dir, "import", "model.txt", "--output", "t.neurite");
        assertEquals(2, extension.exitCode(), extension.toString());
        assertTrue(extension.err().contains("the format is chosen by the extension"), extension.toString());

        Launcher.Result noModel = Launcher.run(dir, "export", "missing.neurite", "--output", "m.onnx");
        assertEquals(2, noModel.exitCode(), noModel.toString());

        Launcher.Result noDir = Launcher.run(dir, "export", "xor.neurite", "--output", "nowhere/m.onnx");
        assertEquals(2, noDir.exitCode(), noDir.toString());
    }

    /** {@code neurite predict} on {@code inputs} gives {@code outputs} within 1e-5. */
    private void assertPredicts(String model, Path inputs, Path outputs) throws Exception {
        Npy.Array x = Npy.read(Files.readAllBytes(inputs));
        int n = x.shape()[0];
        Files.write(dir.resolve("in.npy"), Npy.write(x.data(), n, x.data().length / n));
        Launcher.Result predicted = Launcher.run(dir, "predict", model, "--input", "in.npy", "--output", "out.npy");
        assertEquals(0, predicted.exitCode(), predicted.toString());
        float[] expected = Npy.read(Files.readAllBytes(outputs)).data();
        float[] actual = Npy.read(Files.readAllBytes(dir.resolve("out.npy"))).data();
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5, model + " output " + i);
        }
    }
}
