package org.neurite.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.neurite.activations.Evaluate.assertCloseToReference;
import static org.neurite.activations.Evaluate.derivative;
import static org.neurite.activations.Evaluate.forward;

import org.junit.jupiter.api.Test;
import org.neurite.core.tensor.Matrix;

/**
 * selu, hard_sigmoid, softsign, exponential, relu6, mish and log_softmax against double
 * references written from Keras's definitions (mpmath, 40 digits).
 */
class KerasExtraValuesTest {

    @Test
    void seluUsesKerassScaleAndAlpha() {
        float[] z = {-20f, -1f, -0.25f, 0.5f, 3f};
        assertCloseToReference(new double[] {-1.758099337223664, -1.1113307378125628,
                -0.38889019747811904, 0.5253504936777402, 3.1521029620664414}, forward(new Selu(), z), "selu");
        assertCloseToReference(new double[] {3.6237128249944117e-09, 0.6467686030348141,
                1.369209143369258, 1.0507009873554805, 1.0507009873554805}, derivative(new Selu(), z), "selu'");
    }

    @Test
    void hardSigmoidDefaultsToKeras3sRelu6Form() {
        float[] z = {-4f, -3f, -1.5f, 0f, 1.5f, 3f, 4f};
        // relu6(z + 3) / 6
        assertCloseToReference(new double[] {0, 0, 0.25, 0.5, 0.75, 1, 1}, forward(new HardSigmoid(), z),
                "hard_sigmoid (Keras 3)");
        double s = 1.0 / 6;
        assertCloseToReference(new double[] {0, 0, s, s, s, 0, 0}, derivative(new HardSigmoid(), z),
                "hard_sigmoid' (Keras 3)");
    }

    @Test
    void hardSigmoidWithKeras2sSlopeIsClipOfPointTwoZPlusAHalf() {
        HardSigmoid keras2 = new HardSigmoid(0.2, 0.5);
        float[] z = {-3f, -2.5f, -1f, 0f, 2f, 2.5f, 3f};
        assertCloseToReference(new double[] {0, 0, 0.3, 0.5, 0.9, 1, 1}, forward(keras2, z), "hard_sigmoid (Keras 2)");
        assertCloseToReference(new double[] {0, 0, 0.2, 0.2, 0.2, 0, 0}, derivative(keras2, z),
                "hard_sigmoid' (Keras 2)");
        assertEquals("hard_sigmoid(slope=0.2, offset=0.5)", keras2.toString());
    }

    @Test
    void softsignMatchesTheReference() {
        float[] z = {-5f, -1f, 0f, 0.5f, 3f};
        assertCloseToReference(new double[] {-0.8333333333333334, -0.5, 0, 0.3333333333333333, 0.75},
                forward(new Softsign(), z), "softsign");
        assertCloseToReference(new double[] {0.027777777777777776, 0.25, 1, 0.4444444444444444, 0.0625},
                derivative(new Softsign(), z), "softsign'");
    }

    @Test
    void exponentialIsItsOwnDerivative() {
        float[] z = {-10f, -1f, 0f, 0.5f, 3f};
        double[] expected = {4.5399929762484854e-05, 0.36787944117144233, 1, 1.6487212707001282,
                20.085536923187668};
        assertCloseToReference(expected, forward(new Exponential(), z), "exponential");
        assertCloseToReference(expected, derivative(new Exponential(), z), "exponential'");
    }

    @Test
    void relu6ClipsToZeroAndSixWithZeroDerivativeAtTheEdges() {
        float[] z = {-1f, 0f, 2.5f, 6f, 7f};
        assertArrayEquals(new float[] {0f, 0f, 2.5f, 6f, 6f}, forward(new Relu6(), z));
        assertArrayEquals(new float[] {0f, 0f, 1f, 0f, 0f}, derivative(new Relu6(), z));
    }

    @Test
    void mishMatchesTheReferenceInBothTails() {
        float[] z = {-30f, -1f, 0f, 0.5f, 2.5f, 20f};
        assertCloseToReference(new double[] {-2.807286890651921e-12, -0.3034014613741089, 0,
                0.37524521130489513, 2.471392304557881, 20}, forward(new Mish(), z), "mish");
        assertCloseToReference(new double[] {-2.713710660963392e-12, 0.05921675587739495, 0.6,
                0.8864243753577272, 1.0411295301313532, 1}, derivative(new Mish(), z), "mish'");
    }

    @Test
    void logSoftmaxIsTheLogOfEachRowsSoftmaxAndStaysFiniteForLargeGaps() {
        Matrix z = Matrix.of(new float[][] {{1f, 2f, -3f, 0.5f}, {1000f, 0f, -1000f, 0f}});
        Matrix a = new Matrix(2, 4);
        new LogSoftmax().forward(z, a);
        assertCloseToReference(new double[] {-1.468594855088593, -0.4685948550885931, -5.468594855088593,
                -1.968594855088593}, java.util.Arrays.copyOfRange(a.data(), 0, 4), "log_softmax row 0");
        assertCloseToReference(new double[] {0, -1000, -2000, -1000}, java.util.Arrays.copyOfRange(a.data(), 4, 8), "log_softmax row 1");
    }

    @Test
    void logSoftmaxBackwardSubtractsTheSoftmaxTimesTheGradientsSum() {
        Matrix z = Matrix.of(new float[][] {{1f, 2f, -3f, 0.5f}});
        Matrix a = new Matrix(1, 4);
        LogSoftmax f = new LogSoftmax();
        f.forward(z, a);
        Matrix gradZ = new Matrix(1, 4);
        f.backward(z, a, Matrix.of(new float[][] {{1f, 0f, -2f, 0.5f}}), gradZ);
        float[] expected = {1.1151243954523669f, 0.31294055217050176f, -1.9978914231456106f, 0.5698264755227421f};
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], gradZ.data()[i], 1e-6, "element " + i);
        }
    }
}
