package org.neurite.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neurite.core.io.Npy;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.tensor.Matrix;

/**
 * Real files written by Keras 2.2 to 3.9 (provenance and licence in each folder's source.json)
 * import and predict, on uniform and normal inputs, what an independent numpy implementation of
 * Keras's inference computes from the file's weights, within 1e-5.
 */
class KerasFilesParityTest {
    private static final Plugins PLUGINS = Plugins.discover();

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
        "k2h5_2_2_0_mean_network, mean_network.h5",
        "k2h5_2_3_dl4j_elu, ELU_0_model.h5",
        "k2h5_2_3_dl4j_leakyrelu, LeakyReLU_0_model.h5",
        "k2h5_2_3_dl4j_relu_clipped, ReLU_2_model.h5",
        "k2h5_2_3_dl4j_softmax_layer, Softmax_0_model.h5",
        "k2h5_tf2_2_4_dl4j_hard_sigmoid, act_2.h5",
        "k2h5_tf2_2_4_dl4j_selu, act_8.h5",
        "k2zip_2_14_rhotacism, model.keras",
        "k3_flownet_leakyrelu_layers, final_model.keras",
        "k3_rhotacism_mlp, mlp_model.keras",
        "k3h5_friction_dropout, model.h5",
        "k3h5_insurance_softmax7, mlp_iris_model.h5",
        "k3h5_insurance_softmax7, mlp_iris_model.keras",
    })
    void importedModelPredictsWhatKerasComputes(String folder, String file) throws Exception {
        Path dir = resource(folder);
        assertPredicts(KerasImport.read(dir.resolve(file), PLUGINS), dir);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource("w_2_3_dl4j_sparse_xent, simple_sparse_xent_mlp_keras_2_config.json, simple_sparse_xent_mlp_keras_2_weights.h5")
    void weightsOnlyFileWithItsArchitecturePredictsWhatKerasComputes(String folder, String arch, String weights)
            throws Exception {
        Path dir = resource(folder);
        assertPredicts(KerasImport.read(dir.resolve(arch), dir.resolve(weights), PLUGINS), dir);
    }

    private static void assertPredicts(KerasImport.Result imported, Path dir) throws IOException {
        for (String kind : new String[] {"uniform", "normal"}) {
            Matrix x = matrix(Npy.read(Files.readAllBytes(dir.resolve("inputs_" + kind + ".npy"))));
            Npy.Array expected = Npy.read(Files.readAllBytes(dir.resolve("outputs_" + kind + ".npy")));
            Matrix y = imported.model().predict(x);
            assertEquals(expected.data().length, y.data().length, "output size on " + kind + " inputs");
            for (int i = 0; i < expected.data().length; i++) {
                assertEquals(expected.data()[i], y.data()[i], 1e-5, kind + " inputs, output element " + i);
            }
        }
    }

    private static Matrix matrix(Npy.Array a) {
        assertEquals(2, a.shape().length, "inputs are rows of samples");
        Matrix m = new Matrix(a.shape()[0], a.shape()[1]);
        System.arraycopy(a.data(), 0, m.data(), 0, a.data().length);
        return m;
    }

    static Path resource(String folder) throws URISyntaxException {
        Path dir = Path.of(KerasFilesParityTest.class.getResource("/keras/" + folder + "/source.json").toURI())
                .getParent();
        assertTrue(Files.isDirectory(dir));
        return dir;
    }
}
