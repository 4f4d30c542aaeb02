package org.neurite.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurite.core.io.Npy;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.tensor.Matrix;

/**
 * What the Keras importer refuses, and how: a layer it cannot map names the layer, its class and
 * what is supported; a damaged or hostile file is a {@link KerasFormatException}. And per-layer
 * fixtures in Keras 3's weights layout (tools/keras-fixtures/make_fixtures.py) predict what
 * Keras 3's formulas give, computed with numpy.
 */
class KerasImportErrorsTest {
    private static final Plugins PLUGINS = Plugins.discover();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"batch_normalization", "layer_normalization", "prelu"})
    void perLayerFixturesPredictWhatKerasComputes(String name) throws Exception {
        Path folder = resource("keras-layers");
        KerasImport.Result imported = KerasImport.read(folder.resolve(name + ".json"),
                folder.resolve(name + ".weights.h5"), PLUGINS);
        Npy.Array x = Npy.read(Files.readAllBytes(folder.resolve(name + ".inputs.npy")));
        Npy.Array y = Npy.read(Files.readAllBytes(folder.resolve(name + ".outputs.npy")));
        Matrix input = new Matrix(x.shape()[0], x.shape()[1]);
        System.arraycopy(x.data(), 0, input.data(), 0, x.data().length);
        Matrix out = imported.model().predict(input);
        assertEquals(y.data().length, out.size());
        for (int i = 0; i < y.data().length; i++) {
            assertEquals(y.data()[i], out.data()[i], 1e-5, name + " output " + i);
        }
    }

    @Test
    void aConvolutionIsRefusedNamingTheLayerItsClassAndWhatIsSupported() throws Exception {
        ObjectNode conv = layer("Conv2D", "conv2d");
        conv.with("config").put("filters", 8).putArray("kernel_size").add(3).add(3);
        UnsupportedKerasModelException e = refused(sequential(conv));
        assertEquals("layer 'conv2d' is a Conv2D, which Neurite cannot import; supported layer classes: "
                + "InputLayer, Dense, Activation, Dropout, GaussianNoise, BatchNormalization, LayerNormalization, "
                + "ReLU, LeakyReLU, ELU, PReLU, Softmax, Flatten", e.getMessage());
    }

    @Test
    void aLambdaIsRefused() throws Exception {
        ObjectNode lambda = layer("Lambda", "lambda");
        lambda.with("config").putObject("function").put("class_name", "__lambda__").putArray("config").add("4wEAAAA=");
        UnsupportedKerasModelException e = refused(sequential(lambda));
        assertTrue(e.getMessage().startsWith("layer 'lambda' is a Lambda, which Neurite cannot import; supported "
                + "layer classes: InputLayer, Dense"), e.getMessage());
    }

    @Test
    void aCustomClassIsRefusedEvenUnderTheNameOfABuiltInLayer() throws Exception {
        ObjectNode custom = layer("MyDense", "my_dense");
        custom.put("module", "my_package.layers").put("registered_name", "Custom>MyDense");
        UnsupportedKerasModelException e = refused(sequential(custom));
        assertTrue(e.getMessage().startsWith("layer 'my_dense' is the custom class 'Custom>MyDense' (module "
                + "'my_package.layers'), which Neurite cannot import; supported layer classes: InputLayer, Dense"),
                e.getMessage());

        ObjectNode disguised = layer("Dense", "dense");
        disguised.with("config").put("units", 2);
        disguised.put("module", "my_package.layers").put("registered_name", "Custom>Dense");
        e = refused(sequential(disguised));
        assertTrue(e.getMessage().startsWith("layer 'dense' is the custom class 'Custom>Dense'"), e.getMessage());
    }

    @Test
    void aSingleChainFunctionalModelImportsAndABranchingOneIsRefusedNamingTheLayerThatBranches() throws Exception {
        Path folder = resource("keras-layers");
        ObjectNode sequential = (ObjectNode) JSON.readTree(folder.resolve("prelu.json").toFile());
        ArrayNode layers = (ArrayNode) sequential.path("config").path("layers");
        ObjectNode functional = JSON.createObjectNode().put("module", "keras.src.models.functional")
                .put("class_name", "Functional").put("registered_name", "Functional");
        ObjectNode config = functional.putObject("config").put("name", "functional");
        ArrayNode chain = config.putArray("layers");
        String previous = null;
        for (int i = 0; i < layers.size(); i++) {
            ObjectNode l = layers.get(i).deepCopy();
            String name = l.path("config").path("name").asText();
            l.put("name", name);
            ArrayNode inbound = l.putArray("inbound_nodes");
            if (previous != null) {
                inbound.addObject().set("args", JSON.createArrayNode().add(tensor(previous)));
            }
            chain.add(l);
            previous = name;
        }
        Path arch = dir.resolve("functional.json");
        JSON.writeValue(arch.toFile(), functional);
        KerasImport.Result imported = KerasImport.read(arch, folder.resolve("prelu.weights.h5"), PLUGINS);
        KerasImport.Result reference = KerasImport.read(folder.resolve("prelu.json"), folder.resolve("prelu.weights.h5"),
                PLUGINS);
        Matrix x = Matrix.of(new float[] {0.5f, -1, 2}, new float[] {-0.3f, 0.2f, 1});
        assertEquals(reference.model().predict(x), imported.model().predict(x));

        // dense_1 reads the input layer instead of p_re_lu: a skip connection.
        ((ObjectNode) chain.get(3)).putArray("inbound_nodes").addObject()
                .set("args", JSON.createArrayNode().add(tensor("input_layer")));
        JSON.writeValue(arch.toFile(), functional);
        UnsupportedKerasModelException e = assertThrows(UnsupportedKerasModelException.class,
                () -> KerasImport.read(arch, folder.resolve("prelu.weights.h5"), PLUGINS));
        assertEquals("layer 'dense_1' (Dense) does not take its input from the layer before it ('p_re_lu') alone (it "
                + "takes input_layer); Neurite imports Sequential models and functional models that are a single chain",
                e.getMessage());

        // An Add of two layers.
        ((ObjectNode) chain.get(3)).putArray("inbound_nodes").addObject().set("args", JSON.createArrayNode()
                .add(JSON.createArrayNode().add(tensor("p_re_lu")).add(tensor("dense"))));
        JSON.writeValue(arch.toFile(), functional);
        e = assertThrows(UnsupportedKerasModelException.class,
                () -> KerasImport.read(arch, folder.resolve("prelu.weights.h5"), PLUGINS));
        assertTrue(e.getMessage().contains("(it takes p_re_lu, dense)"), e.getMessage());
    }

    /** A Keras 3 tensor reference to {@code layer}'s output. */
    private static ObjectNode tensor(String layer) {
        ObjectNode t = JSON.createObjectNode().put("class_name", "__keras_tensor__");
        t.putObject("config").put("dtype", "float32").putArray("keras_history").add(layer).add(0).add(0);
        return t;
    }

    @Test
    void aTruncatedHdf5FileIsRefusedWithATypedError() throws Exception {
        byte[] h5 = Files.readAllBytes(resource("keras-layers").resolve("prelu.weights.h5"));
        Path truncated = dir.resolve("truncated.weights.h5");
        Files.write(truncated, Arrays.copyOf(h5, h5.length / 3));
        KerasFormatException e = assertThrows(KerasFormatException.class, () -> KerasImport.read(
                resource("keras-layers").resolve("prelu.json"), truncated, PLUGINS));
        assertTrue(e.getMessage().startsWith("truncated.weights.h5: "), e.getMessage());

        Path garbage = dir.resolve("model.h5");
        Files.writeString(garbage, "this is not HDF5");
        assertThrows(KerasFormatException.class, () -> KerasImport.read(garbage, PLUGINS));
    }

    @Test
    void aTruncatedKerasZipIsRefusedWithATypedError() throws Exception {
        Path good = resource("keras/k3_rhotacism_mlp").resolve("mlp_model.keras");
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = dir.resolve("truncated.keras");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        KerasFormatException e = assertThrows(KerasFormatException.class, () -> KerasImport.read(truncated, PLUGINS));
        assertTrue(e.getMessage().startsWith("truncated.keras: "), e.getMessage());
    }

    @Test
    void aZipWhoseConfigInflatesPastTheLimitIsRefusedWithoutReadingIt() throws Exception {
        Path bomb = dir.resolve("bomb.keras");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("config.json"));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 20; i++) {   // 20 MiB of spaces, about 20 KiB compressed
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        assertTrue(Files.size(bomb) < 1 << 20);
        KerasFormatException e = assertThrows(KerasFormatException.class, () -> KerasImport.read(bomb, PLUGINS));
        assertTrue(e.getMessage().startsWith("bomb.keras: "), e.getMessage());
        assertTrue(e.getMessage().contains("config.json"), e.getMessage());
    }

    private UnsupportedKerasModelException refused(ObjectNode model) throws IOException, URISyntaxException {
        Path arch = dir.resolve("arch.json");
        try (OutputStream out = Files.newOutputStream(arch)) {
            JSON.writeValue(out, model);
        }
        Path weights = resource("keras-layers").resolve("prelu.weights.h5");
        return assertThrows(UnsupportedKerasModelException.class, () -> KerasImport.read(arch, weights, PLUGINS));
    }

    private static ObjectNode sequential(ObjectNode... layers) {
        ObjectNode model = JSON.createObjectNode().put("module", "keras").put("class_name", "Sequential");
        ArrayNode list = model.putObject("config").put("name", "sequential").putArray("layers");
        ObjectNode input = list.addObject().put("module", "keras.layers").put("class_name", "InputLayer");
        input.putObject("config").put("name", "input_layer").putArray("batch_shape").addNull().add(3);
        ObjectNode dense = layer("Dense", "dense_first");
        dense.with("config").put("units", 5).put("activation", "relu");
        list.add(dense);
        for (ObjectNode l : layers) {
            list.add(l);
        }
        return model;
    }

    private static ObjectNode layer(String className, String name) {
        ObjectNode l = JSON.createObjectNode().put("module", "keras.layers").put("class_name", className);
        l.putNull("registered_name");
        l.putObject("config").put("name", name).put("trainable", true).put("dtype", "float32");
        return l;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(KerasImportErrorsTest.class.getResource("/" + name).toURI());
    }
}
