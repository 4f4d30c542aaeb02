package org.neurite.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neurite.optimizers.Training.configured;
import static org.neurite.optimizers.Training.parameter;
import static org.neurite.optimizers.Training.step;
import static org.neurite.optimizers.Training.values;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurite.core.spi.HyperparameterException;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.tensor.Parameter;

class AdamTest {
    private static final double[][] GRADIENTS = {{0.1, -0.3, 2}, {-0.2, -0.1, 2}, {0.05, 0.4, 1e-3}};

    @Test
    void defaultsAreKerasDefaults() {
        assertEquals(Map.of("learning_rate", 0.001, "beta_1", 0.9, "beta_2", 0.999, "epsilon", 1e-7,
                "amsgrad", false), new Adam().values().asMap());
    }

    @Test
    void theFirstStepMovesEachWeightByAboutTheLearningRateAgainstTheGradient() {
        Parameter w = parameter("w", 0, 0, 0, 0);
        Optimizer.Updater run = new Adam().start(List.of(w));

        step(run, w, 0.5, -2, 3e-3, 40);

        // m = 0.1·g, v = 0.001·g², lr_1 = lr·√0.001 / 0.1: the step is lr·|g|√0.001 / (|g|√0.001 + ε).
        double[] g = {0.5, -2, 3e-3, 40};
        for (int i = 0; i < g.length; i++) {
            double root = Math.abs(g[i]) * Math.sqrt(0.001);
            assertEquals(-Math.signum(g[i]) * 0.001 * root / (root + 1e-7), values(w)[i], 1e-10);
            assertEquals(-Math.signum(g[i]) * 0.001, values(w)[i], 2e-6);
        }
    }

    @Test
    void threeStepsMatchTheUpdateRuleComputedInDouble() {
        Parameter w = parameter("w", 0.5, -1, 0);
        Optimizer.Updater run = configured(new Adam(), Map.of("learning_rate", 0.01)).start(List.of(w));
        for (double[] g : GRADIENTS) {
            step(run, w, g);
        }

        assertArrayEquals(reference(new double[] {0.5, -1, 0}, 0.01, 0.999, false), values(w), 1e-7);
        assertEquals(3, run.iterations());
    }

    @Test
    void amsgradDividesByTheLargestSecondMomentSoFar() {
        Parameter plain = parameter("w", 0.5, -1, 0);
        Parameter ams = parameter("w", 0.5, -1, 0);
        // A short memory (beta_2 = 0.5) lets v fall fast once the gradients shrink.
        Optimizer.Updater plainRun = configured(new Adam(), Map.of("learning_rate", 0.01, "beta_2", 0.5))
                .start(List.of(plain));
        Optimizer.Updater amsRun = configured(new Adam(),
                Map.of("learning_rate", 0.01, "beta_2", 0.5, "amsgrad", true)).start(List.of(ams));
        for (double[] g : GRADIENTS) {
            step(plainRun, plain, g);
            step(amsRun, ams, g);
        }

        double[] expected = reference(new double[] {0.5, -1, 0}, 0.01, 0.5, true);
        assertArrayEquals(expected, values(ams), 1e-7);
        assertArrayEquals(reference(new double[] {0.5, -1, 0}, 0.01, 0.5, false), values(plain), 1e-7);
        // Element 2 sees g = 2, 2, 1e-3: v halves at step 3 while v̂ keeps its maximum.
        assertTrue(Math.abs(values(plain)[2] - expected[2]) > 1e-3);
        assertTrue(amsRun.state().get("vhat/w").get(0, 2) > amsRun.state().get("v/w").get(0, 2));
    }

    @Test
    void theStateHoldsBothMomentsPerParameterAndVhatWithAmsgrad() {
        Parameter kernel = parameter("dense_1/kernel", 1, 2);
        Parameter bias = parameter("dense_1/bias", 0);

        assertEquals(List.of("m/dense_1/kernel", "m/dense_1/bias", "v/dense_1/kernel", "v/dense_1/bias"),
                List.copyOf(new Adam().start(List.of(kernel, bias)).state().keySet()));
        assertEquals(List.of("m/dense_1/kernel", "m/dense_1/bias", "v/dense_1/kernel", "v/dense_1/bias",
                "vhat/dense_1/kernel", "vhat/dense_1/bias"),
                List.copyOf(configured(new Adam(), Map.of("amsgrad", true)).start(List.of(kernel, bias))
                        .state().keySet()));
    }

    @Test
    void theStateHoldsTheLiveMoments() {
        Parameter w = parameter("w", 0);
        Optimizer.Updater run = new Adam().start(List.of(w));

        step(run, w, 2);

        assertEquals(0.2f, run.state().get("m/w").get(0, 0), 1e-7f);
        assertEquals(0.004f, run.state().get("v/w").get(0, 0), 1e-9f);
    }

    @Test
    void aBetaOfOneIsRejectedBecauseTheBiasCorrectionWouldDivideByZero() {
        var e = assertThrows(HyperparameterException.class,
                () -> configured(new Adam(), Map.of("beta_1", 1.0)));

        assertTrue(e.getMessage().contains("beta_1 = 1.0 is out of range: it must be in [0, 1)"),
                e.getMessage());
    }

    @Test
    void stepAllocatesNothing() {
        OptimizerAllocation.assertStepAllocatesNothing(new Adam());
        OptimizerAllocation.assertStepAllocatesNothing(configured(new Adam(), Map.of("amsgrad", true)));
    }

    /** Adam as the Keras documentation writes it, in double, over {@link #GRADIENTS}. */
    private static double[] reference(double[] w, double lr, double b2, boolean amsgrad) {
        double b1 = 0.9;
        double eps = 1e-7;
        double[] m = new double[w.length];
        double[] v = new double[w.length];
        double[] vhat = new double[w.length];
        for (int t = 1; t <= GRADIENTS.length; t++) {
            double lrT = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
            for (int i = 0; i < w.length; i++) {
                double g = GRADIENTS[t - 1][i];
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                vhat[i] = Math.max(vhat[i], v[i]);
                w[i] -= lrT * m[i] / (Math.sqrt(amsgrad ? vhat[i] : v[i]) + eps);
            }
        }
        return w;
    }
}
