package org.neurite.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neurite.core.layer.Dense;
import org.neurite.core.spi.Loss;
import org.neurite.core.spi.Pass;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;
import org.neurite.core.testplugins.TestCrossentropy;
import org.neurite.core.testplugins.TestMse;
import org.neurite.core.testplugins.TestSoftmax;
import org.neurite.core.testplugins.TestTanh;

class NetworkTest {

    private static Matrix random(int rows, int cols, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Matrix m = new Matrix(rows, cols);
        for (int i = 0; i < m.size(); i++) {
            m.data()[i] = (float) r.nextDouble(-1, 1);
        }
        return m;
    }

    private static double loss(Network net, Loss loss, Matrix x, Matrix y) {
        return loss.loss(net.forward(x, Pass.inference()), y);
    }

    /** Central differences on every parameter of the whole network, against backward. */
    private static void assertGradientsMatchFiniteDifferences(Network net, Loss loss, Matrix x, Matrix y,
                                                              boolean fused) {
        Matrix out = net.forward(x, Pass.inference());
        Matrix grad = new Matrix(out.rows(), out.cols());
        if (fused) {
            Loss f = loss.fusedWith(net.outputActivation()).orElseThrow();
            f.gradient(net.logits(), y, grad);
            net.backwardFromLogits(grad);
        } else {
            loss.gradient(out, y, grad);
            net.backward(grad);
        }
        double eps = 1e-2;
        for (Parameter p : net.parameters()) {
            float[] w = p.value().data();
            float[] analytic = p.gradient().data().clone();
            for (int i = 0; i < w.length; i++) {
                float saved = w[i];
                w[i] = (float) (saved + eps);
                double plus = loss(net, loss, x, y);
                w[i] = (float) (saved - eps);
                double minus = loss(net, loss, x, y);
                w[i] = saved;
                double numeric = (plus - minus) / (2 * eps);
                double error = Math.abs(numeric - analytic[i]) / Math.max(1e-3, Math.abs(numeric) + Math.abs(analytic[i]));
                assertTrue(error < 2e-2, p.name() + "[" + i + "]: backward " + analytic[i]
                        + ", finite differences " + numeric);
            }
        }
    }

    @Test
    void backwardMatchesFiniteDifferencesThroughEveryLayer() {
        Network net = Network.builder(3).dense(5, new TestTanh()).dense(4, null)
                .activation(new TestTanh()).dense(2, new TestTanh()).seed(1).build();
        assertGradientsMatchFiniteDifferences(net, new TestMse(), random(6, 3, 2), random(6, 2, 3), false);
    }

    @Test
    void fusedSoftmaxCrossEntropyGradientMatchesFiniteDifferences() {
        Network net = Network.builder(3).dense(5, new TestTanh()).dense(3, null)
                .activation(new TestSoftmax()).seed(4).build();
        Matrix y = Matrix.of(new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 1, 0}});
        assertGradientsMatchFiniteDifferences(net, new TestCrossentropy(), random(4, 3, 5), y, true);
    }

    @Test
    void rowWiseActivationBackwardMatchesFiniteDifferencesUnfused() {
        Network net = Network.builder(2).dense(3, new TestSoftmax()).seed(6).build();
        assertGradientsMatchFiniteDifferences(net, new TestMse(), random(5, 2, 7), random(5, 3, 8), false);
    }

    @Test
    void denseComputesXTimesWPlusB() {
        Dense d = Dense.builder(2).name("d").weights(Matrix.of(new float[][] {{1, 2}, {3, 4}, {5, 6}}))
                .bias(Matrix.of(new float[][] {{0.5f, -1}})).build();
        Network net = Network.builder(3).add(d).build();
        Matrix y = net.predict(Matrix.of(new float[][] {{1, 0, -1}, {2, 1, 0}}));
        assertEquals(Matrix.of(new float[][] {{-3.5f, -5}, {5.5f, 7}}), y);
    }

    @Test
    void sameSeedGivesIdenticalInitialWeights() {
        Network a = Network.builder(4).dense(8, null).dense(3, null).seed(99).build();
        Network b = Network.builder(4).dense(8, null).dense(3, null).seed(99).build();
        Network c = Network.builder(4).dense(8, null).dense(3, null).seed(100).build();
        for (int i = 0; i < a.parameters().size(); i++) {
            assertEquals(a.parameters().get(i).value(), b.parameters().get(i).value());
        }
        assertTrue(!a.parameters().get(0).value().equals(c.parameters().get(0).value()));
    }

    @Test
    void glorotUniformKernelStaysWithinItsLimit() {
        Network net = Network.builder(2).dense(8, null).seed(3).build();
        double limit = Math.sqrt(6.0 / (2 + 8));
        for (float w : net.parameters().get(0).value().data()) {
            assertTrue(Math.abs(w) <= limit, "weight " + w + " beyond ±" + limit);
        }
        for (float b : net.parameters().get(1).value().data()) {
            assertEquals(0f, b);
        }
    }

    @Test
    void summaryListsLayersShapesAndParameterCounts() {
        Network net = Network.builder(2).dense(8, new TestTanh()).dense(2, null)
                .activation(new TestSoftmax()).seed(1).build();
        String summary = net.summary();
        String[] lines = summary.split("\n");
        assertEquals("Layer (type)                              Output Shape    Param #", lines[0]);
        assertEquals("dense_1 (Dense, test_tanh)                (None, 8)       24", lines[2]);
        assertEquals("dense_2 (Dense)                           (None, 2)       18", lines[3]);
        assertEquals("activation_1 (Activation, test_softmax)   (None, 2)       0", lines[4]);
        assertTrue(summary.contains("Total params: 42"), summary);
        assertEquals(42, net.parameterCount());
    }

    @Test
    void summaryShowsLayerTypesAsKerasClassNames() {
        assertEquals("Dense", Network.capitalized("dense"));
        assertEquals("BatchNormalization", Network.capitalized("batch_normalization"));
        assertEquals("GaussianNoise", Network.capitalized("gaussian_noise"));
        assertEquals("_", Network.capitalized("_"));
    }

    @Test
    void inputOfTheWrongWidthNamesBothShapes() {
        Network net = Network.builder(3).dense(2, null).seed(1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.forward(new Matrix(4, 5), Pass.inference()));
        assertEquals("the network takes inputs of width 3 but got a 4×5 batch", e.getMessage());
    }

    @Test
    void explicitWeightsOfTheWrongShapeFailAtBuild() {
        Dense d = Dense.builder(2).name("d").weights(new Matrix(4, 2)).useBias(false).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Network.builder(3).add(d).build());
        assertEquals("d: the explicit weights have 4 rows but this layer needs 3×2 (inputs×units) for inputs of width 3",
                e.getMessage());
    }

    @Test
    void outputActivationIsTheLastLayersActivation() {
        Network net = Network.builder(2).dense(2, null).activation(new TestSoftmax()).seed(1).build();
        assertNotNull(net.outputActivation());
        assertEquals("test_softmax", net.outputActivation().name());
    }
}
