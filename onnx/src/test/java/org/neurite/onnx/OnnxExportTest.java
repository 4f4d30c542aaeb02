package org.neurite.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neurite.core.model.Model;
import org.neurite.core.tensor.Matrix;
import org.neurite.onnx.proto.OnnxProto.ModelProto;
import org.neurite.onnx.proto.OnnxProto.NodeProto;

/**
 * Every built-in layer type and activation, exported and run in ONNX Runtime on random batches,
 * gives what Neurite's predict gives within 1e-5.
 */
class OnnxExportTest {
    private static final OnnxExporters EXPORTERS = OnnxExporters.discover();

    static Stream<String> activations() {
        return Stream.of("relu", "softmax", "sigmoid", "tanh", "linear", "leaky_relu", "{name: leaky_relu, alpha: 0.1}",
                "elu", "{name: elu, alpha: 0.7}", "softplus", "swish", "silu", "gelu", "selu", "hard_sigmoid",
                "{name: hard_sigmoid, slope: 0.2, offset: 0.5}", "softsign", "exponential", "relu6", "mish",
                "log_softmax");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void everyActivationRunsInOnnxRuntimeAsInNeurite(String activation) throws Exception {
        Model model = TestModels.model(5, "{type: dense, units: 6, activation: " + activation + "}",
                "{type: dense, units: 3}", "{type: activation, activation: " + activation + "}");
        assertSamePredictions(model, 2.0);
    }

    static Stream<String> layers() {
        Random r = new Random(3);
        return Stream.of("{type: dense, units: 6, use_bias: false}",
                "{type: dropout, rate: 0.3}",
                "{type: gaussian_noise, stddev: 0.5}",
                "{type: batch_normalization, epsilon: 0.01, gamma: " + TestModels.list(r, 6, 0.5, 2)
                        + ", beta: " + TestModels.list(r, 6, -1, 1) + ", moving_mean: " + TestModels.list(r, 6, -1, 1)
                        + ", moving_variance: " + TestModels.list(r, 6, 0.2, 3) + "}",
                "{type: batch_normalization, center: false, scale: false, moving_mean: "
                        + TestModels.list(r, 6, -1, 1) + ", moving_variance: " + TestModels.list(r, 6, 0.2, 3) + "}",
                "{type: layer_normalization, gamma: " + TestModels.list(r, 6, 0.5, 2) + ", beta: "
                        + TestModels.list(r, 6, -1, 1) + "}",
                "{type: layer_normalization, epsilon: 0.1, center: false, scale: false}",
                "{type: relu}",
                "{type: relu, max_value: 0.5}",
                "{type: relu, threshold: 0.2}",
                "{type: relu, max_value: 1.0, negative_slope: 0.1, threshold: 0.3}",
                "{type: relu, negative_slope: 0.25}",
                "{type: leaky_relu}",
                "{type: leaky_relu, negative_slope: 0.05}",
                "{type: elu, alpha: 0.5}",
                "{type: prelu, alpha: " + TestModels.list(r, 6, -0.5, 0.5) + "}",
                "{type: softmax}",
                "{type: activation, activation: tanh}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void everyLayerTypeRunsInOnnxRuntimeAsInNeurite(String layer) throws Exception {
        Model model = TestModels.model(5, "{type: dense, units: 6}", layer, "{type: dense, units: 3, activation: softmax}");
        assertSamePredictions(model, 1.5);
    }

    @Test
    void theFashionMnistNetworkRunsInOnnxRuntimeAsInNeurite() throws Exception {
        Model model = TestModels.model(784, "{type: dense, units: 256, activation: relu}",
                "{type: dense, units: 128, activation: relu}", "{type: dense, units: 10, activation: softmax}");
        assertSamePredictions(model, 1.0);
    }

    @Test
    void theGraphHasADynamicBatchDimensionAndTheConfigurationInItsMetadata() throws Exception {
        Model model = TestModels.model(5, "{type: dense, units: 4, activation: relu}", "{type: dense, units: 2}");
        ModelProto proto = ModelProto.parseFrom(OnnxExport.toBytes(model, EXPORTERS));
        assertEquals(OnnxExport.IR_VERSION, proto.getIrVersion());
        assertEquals(OnnxExport.OPSET, proto.getOpsetImport(0).getVersion());
        assertEquals("batch", proto.getGraph().getInput(0).getType().getTensorType().getShape().getDim(0).getDimParam());
        assertEquals(5, proto.getGraph().getInput(0).getType().getTensorType().getShape().getDim(1).getDimValue());
        assertEquals(List.of("Gemm", "Relu", "Gemm", "Identity"),
                proto.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList());
        String json = proto.getMetadataPropsList().stream().filter(p -> p.getKey().equals(OnnxExport.CONFIG_KEY))
                .findFirst().orElseThrow().getValue();
        JsonNode config = new ObjectMapper().readTree(json);
        assertEquals(4, config.path("layers").get(0).path("units").asInt());
        assertEquals("relu", config.path("layers").get(0).path("activation").asText());
        assertEquals(7, config.path("training").path("seed").asLong());
    }

    @Test
    void writingIsAtomicAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Model model = TestModels.model(3, "{type: dense, units: 2, activation: sigmoid}");
        Path file = dir.resolve("model.onnx");
        Files.write(file, new byte[] {1, 2, 3});
        OnnxExport.write(model, file, EXPORTERS);
        try (OnnxRuntime ort = new OnnxRuntime(Files.readAllBytes(file))) {
            Matrix x = TestModels.batch(new Random(1), 4, 3, 1);
            assertClose(model.predict(x), ort.run(x));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void anActivationPluginCanSupplyItsOwnExport() throws Exception {
        Model model = TestModels.model(4, "{type: dense, units: 3, activation: cube}");
        assertSamePredictions(model, 1.0);
    }

    @Test
    void anActivationWithoutAnExportIsRefusedNamingTheLayerAndTheClass(@TempDir Path dir) {
        Model model = TestModels.model(4, "{type: dense, units: 3}", "{type: dense, units: 2, activation: square}");
        Path file = dir.resolve("model.onnx");
        UnsupportedExportException e = assertThrows(UnsupportedExportException.class,
                () -> OnnxExport.write(model, file, EXPORTERS));
        assertEquals("dense_2", e.layer());
        assertEquals("square", e.component());
        assertTrue(e.getMessage().startsWith("Cannot export the layer 'dense_2' to ONNX: its activation 'square' ("
                + SquareActivation.class.getName() + ") has no ONNX export. A plugin provides one with a class "
                + "implementing org.neurite.onnx.spi.ActivationExporter"), e.getMessage());
        assertTrue(e.getMessage().contains("org.neurite.activations.Relu"), e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void aLayerPluginCanSupplyItsOwnExport() throws Exception {
        Model model = TestModels.model(4, "{type: dense, units: 3}", "{type: scale_by, factor: 2.5}",
                "{type: dense, units: 2}");
        assertSamePredictions(model, 1.0);
    }

    @Test
    void aLayerTypeWithoutAnExportIsRefusedNamingTheLayerAndTheClass() {
        Model model = TestModels.model(4, "{type: dense, units: 3}", "{type: mirror, name: flip}");
        UnsupportedExportException e = assertThrows(UnsupportedExportException.class,
                () -> OnnxExport.toBytes(model, EXPORTERS));
        assertEquals("flip", e.layer());
        assertEquals("mirror", e.component());
        assertTrue(e.getMessage().startsWith("Cannot export the layer 'flip' to ONNX: its layer type 'mirror' ("
                + MirrorLayerType.class.getName() + ") has no ONNX export. A plugin provides one with a class "
                + "implementing org.neurite.onnx.spi.LayerExporter listed in "
                + "META-INF/services/org.neurite.onnx.spi.LayerExporter. Exported layer type classes: "
                + "org.neurite.core.layer.ActivationLayerType, org.neurite.core.layer.DenseType"), e.getMessage());
    }

    private static void assertSamePredictions(Model model, double scale) throws Exception {
        byte[] onnx = OnnxExport.toBytes(model, EXPORTERS);
        Random random = new Random(11);
        try (OnnxRuntime ort = new OnnxRuntime(onnx)) {
            for (int n : new int[] {1, 7, 64}) {
                Matrix x = TestModels.batch(random, n, model.network().inputSize(), scale);
                assertClose(model.predict(x), ort.run(x));
            }
        }
    }

    static void assertClose(Matrix expected, Matrix actual) {
        assertEquals(expected.rows(), actual.rows(), "rows");
        assertEquals(expected.cols(), actual.cols(), "columns");
        for (int i = 0; i < expected.size(); i++) {
            float e = expected.data()[i];
            float a = actual.data()[i];
            // 1e-5 absolute, or relative for values beyond 1 (exponential, softplus of large inputs).
            assertEquals(e, a, 1e-5 * Math.max(1, Math.abs(e)), "element " + i + " (row " + i / expected.cols() + ")");
        }
    }
}
