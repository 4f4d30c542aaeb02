package org.neurite.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neurite.activations.Evaluate.assertCloseToReference;
import static org.neurite.activations.Evaluate.derivative;
import static org.neurite.activations.Evaluate.forward;

import org.junit.jupiter.api.Test;

/** Values and derivatives of the element-wise activations against double-precision references (mpmath, 40 digits). */
class ElementwiseValuesTest {

    @Test
    void reluIsZeroForNegativesAndTheIdentityForPositives() {
        assertArrayEquals(new float[] {0f, 0f, 0f, 3.5f}, forward(new Relu(), -2f, -1e-30f, 0f, 3.5f));
    }

    @Test
    void reluDerivativeAtZeroIsZero() {
        assertArrayEquals(new float[] {0f, 0f, 0f, 1f, 0f}, derivative(new Relu(), 0f, -0f, -1f, 1e-30f, -1e-30f));
    }

    @Test
    void reluKeepsNaNRatherThanHidingIt() {
        assertTrue(Float.isNaN(forward(new Relu(), Float.NaN)[0]));
    }

    @Test
    void linearCopiesItsInputAndPassesTheGradientThrough() {
        assertArrayEquals(new float[] {-2f, 0f, 7.25f}, forward(new Linear(), -2f, 0f, 7.25f));
        assertArrayEquals(new float[] {1f, 1f, 1f}, derivative(new Linear(), -2f, 0f, 7.25f));
    }

    @Test
    void sigmoidMatchesTheReference() {
        float[] z = {-5f, -1f, 0f, 0.5f, 3f};
        assertCloseToReference(new double[] {0.0066928509242848554, 0.2689414213699951, 0.5,
                0.6224593312018546, 0.9525741268224333}, forward(new Sigmoid(), z), "sigmoid");
        assertCloseToReference(new double[] {0.006648056670790155, 0.19661193324148185, 0.25,
                0.2350037122015945, 0.04517665973091213}, derivative(new Sigmoid(), z), "sigmoid'");
    }

    @Test
    void sigmoidOfLargeInputsIsFinite() {
        float[] z = {-1000f, -100f, 100f, 1000f};
        assertCloseToReference(new double[] {0, 3.720075976020836e-44, 1, 1}, forward(new Sigmoid(), z),
                "sigmoid(±100, ±1000)");
        assertCloseToReference(new double[] {0, 3.720075976020836e-44, 3.720075976020836e-44, 0},
                derivative(new Sigmoid(), z), "sigmoid' at ±100, ±1000");
    }

    @Test
    void tanhMatchesTheReferenceAndItsDerivativeKeepsPrecisionWhenSaturated() {
        float[] z = {-3f, -0.5f, 0f, 1f, 20f};
        assertCloseToReference(new double[] {-0.9950547536867305, -0.46211715726000974, 0,
                0.7615941559557649, 1}, forward(new Tanh(), z), "tanh");
        assertCloseToReference(new double[] {0.00986603716544019, 0.7864477329659274, 1,
                0.4199743416140261, 1.6993417021166355e-17}, derivative(new Tanh(), z), "tanh'");
    }

    @Test
    void leakyReluUsesASlopeOfPointThreeByDefault() {
        assertCloseToReference(new double[] {-0.6, 0, 3}, forward(new LeakyRelu(), -2f, 0f, 3f), "leaky_relu");
        assertArrayEquals(new float[] {0.3f, 0.3f, 1f}, derivative(new LeakyRelu(), -2f, 0f, 3f),
                "the derivative at exactly 0 is alpha, as TensorFlow's LeakyReluGrad");
    }

    @Test
    void leakyReluUsesTheConfiguredSlope() {
        LeakyRelu leaky = new LeakyRelu(0.1);
        assertCloseToReference(new double[] {-0.2, 3}, forward(leaky, -2f, 3f), "leaky_relu(0.1)");
        assertArrayEquals(new float[] {0.1f, 1f}, derivative(leaky, -2f, 3f));
    }

    @Test
    void eluMatchesTheReferenceForNegativeInputs() {
        float[] z = {-20f, -1f, -0.001f, 2f};
        assertCloseToReference(new double[] {-0.9999999979388464, -0.6321205588285577,
                -0.0009995001666250085, 2}, forward(new Elu(), z), "elu");
        assertCloseToReference(new double[] {2.061153622438558e-09, 0.36787944117144233,
                0.999000499833375, 1}, derivative(new Elu(), z), "elu'");
    }

    @Test
    void eluScalesTheNegativePartByAlpha() {
        Elu elu = new Elu(2.0);
        assertCloseToReference(new double[] {2 * -0.6321205588285577, 5}, forward(elu, -1f, 5f), "elu(2)");
        assertCloseToReference(new double[] {2 * 0.36787944117144233, 1}, derivative(elu, -1f, 5f), "elu(2)'");
    }

    @Test
    void softplusIsStableForLargeInputsOfEitherSign() {
        float[] z = {-1e4f, -100f, -1f, 0f, 2f, 100f, 1e4f};
        assertCloseToReference(new double[] {0, 3.720075976020836e-44, 0.3132616875182228,
                0.6931471805599453, 2.1269280110429727, 100, 1e4}, forward(new Softplus(), z), "softplus");
        assertCloseToReference(new double[] {0, 3.720075976020836e-44, 0.2689414213699951, 0.5,
                0.8807970779778824, 1, 1}, derivative(new Softplus(), z), "softplus'");
    }

    @Test
    void swishMatchesTheReference() {
        float[] z = {-20f, -1f, 0f, 1f, 2.5f};
        assertCloseToReference(new double[] {-4.122307236380407e-08, -0.2689414213699951, 0,
                0.7310585786300049, 2.310354549946891}, forward(new Swish(), z), "swish");
        assertCloseToReference(new double[] {-3.9161918660646786e-08, 0.07232948812851327, 0.5,
                0.9276705118714867, 1.0994011113415267}, derivative(new Swish(), z), "swish'");
    }

    @Test
    void siluIsTheSameFunctionAsSwishUnderAnotherName() {
        float[] z = {-100f, -20f, -1f, 0f, 0.3f, 1f, 2.5f, 100f};
        assertArrayEquals(forward(new Swish(), z), forward(new Silu(), z));
        assertArrayEquals(derivative(new Swish(), z), derivative(new Silu(), z));
        assertEquals("silu", new Silu().name());
        assertEquals("swish", new Swish().name());
    }
}
