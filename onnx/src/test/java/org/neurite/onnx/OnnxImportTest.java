package org.neurite.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurite.core.io.Npy;
import org.neurite.core.model.Model;
import org.neurite.core.tensor.Matrix;
import org.neurite.onnx.proto.OnnxProto.AttributeProto;
import org.neurite.onnx.proto.OnnxProto.GraphProto;
import org.neurite.onnx.proto.OnnxProto.ModelProto;
import org.neurite.onnx.proto.OnnxProto.NodeProto;
import org.neurite.onnx.proto.OnnxProto.OperatorSetIdProto;
import org.neurite.onnx.proto.OnnxProto.TensorProto;
import org.neurite.onnx.proto.OnnxProto.TensorShapeProto;
import org.neurite.onnx.proto.OnnxProto.TypeProto;
import org.neurite.onnx.proto.OnnxProto.ValueInfoProto;

/**
 * Networks PyTorch exported (tools/onnx-fixtures/make_fixtures.py) import and predict what
 * PyTorch computed within 1e-5; Neurite's own exports import back; what cannot be imported is
 * refused with a typed error naming the node and the operator.
 */
class OnnxImportTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"relu_softmax", "sigmoid_tanh", "leaky_elu", "gelu", "batchnorm", "layernorm",
            "flatten_dropout_identity", "no_constant_folding", "flatten_3d", "matmul_add_typed", "gelu_op20"})
    void importedModelPredictsWhatPyTorchComputed(String name) throws Exception {
        Path dir = fixtures();
        OnnxImport.Result imported = OnnxImport.read(dir.resolve(name + ".onnx"), TestModels.PLUGINS);
        Npy.Array x = Npy.read(Files.readAllBytes(dir.resolve(name + ".inputs.npy")));
        Npy.Array y = Npy.read(Files.readAllBytes(dir.resolve(name + ".outputs.npy")));
        int n = x.shape()[0];
        Matrix input = new Matrix(n, x.data().length / n);
        System.arraycopy(x.data(), 0, input.data(), 0, x.data().length);
        Matrix expected = new Matrix(n, y.data().length / n);
        System.arraycopy(y.data(), 0, expected.data(), 0, y.data().length);
        OnnxExportTest.assertClose(expected, imported.model().predict(input));
    }

    @Test
    void theImportedLayersAreNeuriteLayersThatTrainFurther() throws Exception {
        OnnxImport.Result imported = OnnxImport.read(fixtures().resolve("batchnorm.onnx"), TestModels.PLUGINS);
        assertEquals(List.of("dense", "batch_normalization", "activation", "dense"),
                imported.config().layers().stream().map(l -> l.type()).toList());
        assertEquals(0.001, imported.config().layers().get(1).hyperparameters().number("epsilon"), 1e-9);
        assertEquals(0.9, imported.config().layers().get(1).hyperparameters().number("momentum"), 1e-7);
        assertTrue(imported.notes().get(0).contains("loss mean_squared_error and optimizer sgd"), imported.notes().get(0));
        Matrix x = TestModels.batch(new Random(2), 16, 5, 1);
        imported.model().fit(new org.neurite.core.data.Dataset(x, new Matrix(16, 2)),
                imported.model().fitOptions().epochs(1).verbose(0).build());
    }

    @Test
    void exportedModelsImportBackWithTheSamePredictions(@TempDir Path dir) throws Exception {
        Random r = new Random(5);
        Model model = TestModels.model(5, "{type: dense, units: 6, activation: gelu}",
                "{type: batch_normalization, moving_mean: " + TestModels.list(r, 6, -1, 1) + ", moving_variance: "
                        + TestModels.list(r, 6, 0.2, 2) + ", gamma: " + TestModels.list(r, 6, 0.5, 2) + "}",
                "{type: dense, units: 6, activation: swish}", "{type: layer_normalization}",
                "{type: dense, units: 6, activation: mish}", "{type: leaky_relu}", "{type: dropout, rate: 0.2}",
                "{type: dense, units: 6, activation: selu}", "{type: elu, alpha: 0.4}",
                "{type: dense, units: 6, activation: {name: hard_sigmoid, slope: 0.3, offset: 0.4}}",
                "{type: prelu, alpha: " + TestModels.list(r, 6, -0.5, 0.5) + "}",
                "{type: dense, units: 6, activation: softplus}", "{type: relu, max_value: 1.5}",
                "{type: dense, units: 6, activation: softsign}", "{type: activation, activation: relu6}",
                "{type: dense, units: 6, activation: exponential}", "{type: activation, activation: log_softmax}",
                "{type: dense, units: 6, activation: tanh, use_bias: false}", "{type: activation, activation: sigmoid}",
                "{type: dense, units: 3}", "{type: softmax}");
        assertRoundTrip(model, dir);
        assertRoundTrip(TestModels.model(784, "{type: dense, units: 256, activation: relu}",
                "{type: dense, units: 128, activation: relu}", "{type: dense, units: 10, activation: softmax}"), dir);
    }

    private static void assertRoundTrip(Model model, Path dir) throws Exception {
        Path file = dir.resolve("model.onnx");
        OnnxExport.write(model, file, OnnxExporters.discover());
        Model back = OnnxImport.read(file, TestModels.PLUGINS).model();
        Matrix x = TestModels.batch(new Random(9), 20, model.network().inputSize(), 1.5);
        OnnxExportTest.assertClose(model.predict(x), back.predict(x));
    }

    @Test
    void anUnsupportedOperatorIsRefusedNamingTheNodeAndTheOperator(@TempDir Path dir) throws Exception {
        GraphProto.Builder g = graph(4);
        g.addNode(NodeProto.newBuilder().setName("conv_0").setOpType("Conv").addInput("input").addInput("w")
                .addOutput("output"));
        g.addInitializer(floats("w", new float[16], 1, 1, 4, 4));
        UnsupportedOnnxModelException e = assertThrows(UnsupportedOnnxModelException.class,
                () -> OnnxImport.read(write(dir, g), TestModels.PLUGINS));
        assertEquals("conv_0", e.node());
        assertEquals("Conv", e.operator());
        assertTrue(e.getMessage().startsWith("m.onnx: cannot import the node 'conv_0' (Conv): the operator Conv is not "
                + "supported. Supported: Gemm, MatMul (+ Add), Relu"), e.getMessage());
    }

    @Test
    void aBranchingGraphIsRefusedNamingTheNodeThatBranches(@TempDir Path dir) throws Exception {
        GraphProto.Builder g = graph(2);
        g.addInitializer(floats("w", new float[] {1, 2, 3, 4}, 2, 2));
        g.addNode(NodeProto.newBuilder().setName("gemm").setOpType("Gemm").addInput("input").addInput("w").addOutput("h"));
        g.addNode(NodeProto.newBuilder().setName("residual").setOpType("Add").addInput("h").addInput("input")
                .addOutput("output"));
        UnsupportedOnnxModelException e = assertThrows(UnsupportedOnnxModelException.class,
                () -> OnnxImport.read(write(dir, g), TestModels.PLUGINS));
        assertEquals("gemm", e.node());
        assertTrue(e.getMessage().contains("only graphs that are a single chain"), e.getMessage());
    }

    @Test
    void anElementwiseRunThatIsNoActivationIsRefused(@TempDir Path dir) throws Exception {
        GraphProto.Builder g = graph(2);
        g.addInitializer(floats("two", new float[] {2}));
        g.addNode(NodeProto.newBuilder().setName("double").setOpType("Mul").addInput("input").addInput("two")
                .addOutput("output"));
        UnsupportedOnnxModelException e = assertThrows(UnsupportedOnnxModelException.class,
                () -> OnnxImport.read(write(dir, g), TestModels.PLUGINS));
        assertTrue(e.getMessage().contains("the element-wise nodes double (Mul) compute a function that is none of "
                + "Neurite's activations"), e.getMessage());
    }

    @Test
    void theTanhApproximationOfGeluIsRefused(@TempDir Path dir) throws Exception {
        GraphProto.Builder g = graph(2);
        g.addNode(NodeProto.newBuilder().setName("g").setOpType("Gelu").addInput("input").addOutput("output")
                .addAttribute(AttributeProto.newBuilder().setName("approximate").setType(AttributeProto.AttributeType.STRING)
                        .setS(ByteString.copyFromUtf8("tanh"))));
        UnsupportedOnnxModelException e = assertThrows(UnsupportedOnnxModelException.class,
                () -> OnnxImport.read(write(dir, g), TestModels.PLUGINS));
        assertEquals("Gelu", e.operator());
        assertTrue(e.getMessage().contains("approximate 'tanh'"), e.getMessage());
    }

    @Test
    void aTruncatedFileIsRefusedWithATypedError(@TempDir Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(fixtures().resolve("relu_softmax.onnx"));
        Path file = dir.resolve("truncated.onnx");
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        OnnxFormatException e = assertThrows(OnnxFormatException.class, () -> OnnxImport.read(file, TestModels.PLUGINS));
        assertTrue(e.getMessage().contains("not a valid ONNX model"), e.getMessage());
        Path text = dir.resolve("text.onnx");
        Files.writeString(text, "input_shape: [2]\n");
        assertThrows(OnnxFormatException.class, () -> OnnxImport.read(text, TestModels.PLUGINS));
    }

    @Test
    void aTensorClaimingMoreThanItHoldsIsRefusedBeforeItIsAllocated(@TempDir Path dir) throws Exception {
        GraphProto.Builder g = graph(2);
        g.addInitializer(TensorProto.newBuilder().setName("w").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(1_000_000_000L).addDims(1_000_000_000L).setRawData(ByteString.copyFrom(new byte[8])));
        g.addNode(NodeProto.newBuilder().setOpType("MatMul").addInput("input").addInput("w").addOutput("output"));
        OnnxFormatException e = assertThrows(OnnxFormatException.class, () -> OnnxImport.read(write(dir, g), TestModels.PLUGINS));
        assertTrue(e.getMessage().contains("the tensor w claims more than 2147483639 values"), e.getMessage());

        GraphProto.Builder h = graph(2);
        h.addInitializer(TensorProto.newBuilder().setName("w").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(20_000).addDims(20_000).setRawData(ByteString.copyFrom(new byte[8])));
        h.addNode(NodeProto.newBuilder().setOpType("MatMul").addInput("input").addInput("w").addOutput("output"));
        e = assertThrows(OnnxFormatException.class, () -> OnnxImport.read(write(dir, h), TestModels.PLUGINS));
        assertTrue(e.getMessage().contains("the tensor w has dimensions [20000, 20000], which need 1600000000 bytes or "
                + "values of data, but it holds 8"), e.getMessage());

        GraphProto.Builder external = graph(2);
        external.addInitializer(TensorProto.newBuilder().setName("w").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(2).addDims(2).setDataLocation(TensorProto.DataLocation.EXTERNAL));
        e = assertThrows(OnnxFormatException.class, () -> OnnxImport.read(write(dir, external), TestModels.PLUGINS));
        assertTrue(e.getMessage().contains("keeps its values in an external file"), e.getMessage());
    }

    @Test
    void anOversizedFileIsRefusedWithoutBeingRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge.onnx");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(OnnxFiles.MAX_FILE_BYTES + 1);   // sparse: no disk space used
        }
        OnnxFormatException e = assertThrows(OnnxFormatException.class, () -> OnnxImport.read(file, TestModels.PLUGINS));
        assertTrue(e.getMessage().contains("the file has 1073741825 bytes; ONNX files of up to 1073741824 bytes"),
                e.getMessage());
        assertThrows(OnnxFormatException.class, () -> OnnxImport.read(dir, TestModels.PLUGINS));
    }

    private static GraphProto.Builder graph(int width) {
        return GraphProto.newBuilder().setName("g").addInput(info("input", width)).addOutput(info("output", width));
    }

    private static ValueInfoProto info(String name, int width) {
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(
                        TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
                                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(width))))).build();
    }

    private static TensorProto floats(String name, float[] values, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        for (long d : dims) {
            t.addDims(d);
        }
        for (float v : values) {
            t.addFloatData(v);
        }
        return t.build();
    }

    private static Path write(Path dir, GraphProto.Builder graph) throws Exception {
        Path file = dir.resolve("m.onnx");
        Files.write(file, ModelProto.newBuilder().setIrVersion(8).setGraph(graph)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(17)).build().toByteArray());
        return file;
    }

    static Path fixtures() throws URISyntaxException {
        return Path.of(OnnxImportTest.class.getResource("/onnx-import/relu_softmax.onnx").toURI()).getParent();
    }
}
