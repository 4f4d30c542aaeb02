package org.neurite.integration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neurite.core.network.Network;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.Loss;
import org.neurite.core.spi.Pass;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/**
 * The gradient of the whole network, as the trainer computes it (fused where the loss fuses
 * with the output activation), against central finite differences of the loss of the network's
 * output — for the built-in plugins.
 */
class EndToEndGradientTest {
    private static final Plugins PLUGINS = Plugins.discover();

    private static Activation activation(String name) {
        return PLUGINS.activations().get(name);
    }

    @ParameterizedTest(name = "{0} hidden, {1} output, {2}")
    @CsvSource({
        "relu, softmax, categorical_crossentropy, 3",
        "tanh, softmax, categorical_crossentropy, 3",
        "gelu, sigmoid, binary_crossentropy, 2",
        "elu, softmax, sparse_categorical_crossentropy, 3",
        "swish, linear, mean_squared_error, 2",
        "softplus, softmax, mean_squared_error, 3",
        "leaky_relu, sigmoid, mean_absolute_error, 2",
    })
    void backpropagationMatchesFiniteDifferences(String hidden, String output, String lossName, int outputs) {
        SplittableRandom random = new SplittableRandom(17);
        Network net = Network.builder(4).dense(6, activation(hidden)).dense(5, activation("tanh"))
                .dense(outputs, null).activation(activation(output)).seed(23).build();
        Loss loss = PLUGINS.losses().create(lossName, Map.of());
        int rows = 5;
        Matrix x = new Matrix(rows, 4);
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] = (float) random.nextDouble(-1, 1);
        }
        Matrix y = new Matrix(rows, loss.targetColumns(outputs));
        for (int r = 0; r < rows; r++) {
            int label = random.nextInt(outputs);
            if (y.cols() == 1) {
                y.set(r, 0, label);
            } else if (lossName.equals("categorical_crossentropy")) {
                y.set(r, label, 1);
            } else {
                for (int c = 0; c < outputs; c++) {
                    y.set(r, c, (float) random.nextDouble());
                }
            }
        }

        Matrix out = net.forward(x, Pass.inference());
        Matrix grad = new Matrix(rows, outputs);
        Loss fused = loss.fusedWith(net.outputActivation()).orElse(null);
        if (fused != null) {
            fused.gradient(net.logits(), y, grad);
            net.backwardFromLogits(grad);
        } else {
            loss.gradient(out, y, grad);
            net.backward(grad);
        }

        double eps = 1e-3;
        for (Parameter p : net.parameters()) {
            float[] w = p.value().data();
            float[] analytic = p.gradient().data().clone();
            for (int i = 0; i < w.length; i++) {
                float saved = w[i];
                w[i] = (float) (saved + eps);
                double plus = loss.loss(net.forward(x, Pass.inference()), y);
                w[i] = (float) (saved - eps);
                double minus = loss.loss(net.forward(x, Pass.inference()), y);
                w[i] = saved;
                double numeric = (plus - minus) / (2 * eps);
                double error = Math.abs(numeric - analytic[i]) / Math.max(1e-2, Math.abs(numeric) + Math.abs(analytic[i]));
                assertTrue(error < 2e-2, p.name() + "[" + i + "]: backpropagation " + analytic[i]
                        + ", finite differences " + numeric);
            }
        }
    }
}
