package org.neurite.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.neurite.activations.Evaluate.assertCloseToReference;
import static org.neurite.activations.Evaluate.derivative;
import static org.neurite.activations.Evaluate.forward;

import org.junit.jupiter.api.Test;

/** The exact gelu and its erf against double-precision references (mpmath, 40 digits). */
class GeluValuesTest {

    @Test
    void geluAtPlusAndMinusOneHasTheKnownValues() {
        assertCloseToReference(new double[] {0.8413447460685429, -0.15865525393145707},
                forward(new Gelu(), 1f, -1f), "gelu(±1)");
    }

    @Test
    void geluIsTheExactErfFormNotTheTanhApproximation() {
        float[] z = {-10f, -3f, -0.5f, 0f, 0.5f, 3f};
        assertCloseToReference(new double[] {-7.619853024160526e-23, -0.0040496940948902835,
                -0.15426876936299344, 0, 0.34573123063700656, 2.99595030590511},
                forward(new Gelu(), z), "gelu");
        // The tanh approximation gives gelu(3) = 2.9963627..., 4e-4 away from the exact value.
    }

    @Test
    void geluDerivativeIsPhiPlusZTimesTheDensity() {
        float[] z = {-10f, -3f, -1f, -0.5f, 0f, 0.5f, 1f, 3f};
        assertCloseToReference(new double[] {-7.618400096464814e-22, -0.011945647204183927,
                -0.0833154705876863, 0.13250487534383715, 0.5, 0.8674951246561629,
                1.0833154705876864, 1.011945647204184}, derivative(new Gelu(), z), "gelu'");
    }

    @Test
    void erfAndErfcMatchTheReferenceToAFewUlps() {
        double[][] cases = { // x, erf(x), erfc(x)
            {-5.5, -0.9999999999999927, 1.9999999999999927},
            {-4, -0.9999999845827421, 1.999999984582742},
            {-2, -0.9953222650189527, 1.9953222650189528},
            {-0.46875, -0.49261347321793797, 1.492613473217938},
            {-1e-10, -1.1283791670955126e-10, 1.000000000112838},
            {0, 0, 1},
            {0.1, 0.1124629160182849, 0.887537083981715},
            {0.47, 0.4937450508860821, 0.5062549491139179},
            {0.9, 0.7969082124228322, 0.20309178757716786},
            {1.5, 0.9661051464753108, 0.033894853524689274},
            {3, 0.9999779095030014, 2.209049699858544e-05},
            {3.99, 0.9999999832607886, 1.6739211364520814e-08},
            {4.01, 0.9999999858030606, 1.4196939421371052e-08},
            {6, 1, 2.1519736712498913e-17},
            {9, 1, 4.13703174651381e-37},
            {15, 1, 7.212994172451207e-100},
            {26, 1, 5.663192408856143e-296},
        };
        for (double[] c : cases) {
            assertEquals(c[1], Erf.erf(c[0]), 1e-15 * Math.max(Math.abs(c[1]), 1e-300), "erf(" + c[0] + ")");
            assertEquals(c[2], Erf.erfc(c[0]), 1e-14 * c[2], "erfc(" + c[0] + ")");
        }
    }

    @Test
    void erfcUnderflowsToZeroOnlyBeyondTheDoubleRange() {
        assertEquals(0.0, Erf.erfc(30));
        assertEquals(2.0, Erf.erfc(-30));
        assertEquals(1.0, Erf.erf(30));
        assertEquals(-1.0, Erf.erf(-30));
    }
}
