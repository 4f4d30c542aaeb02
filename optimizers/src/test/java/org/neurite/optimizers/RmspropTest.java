package org.neurite.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.neurite.optimizers.Training.configured;
import static org.neurite.optimizers.Training.parameter;
import static org.neurite.optimizers.Training.step;
import static org.neurite.optimizers.Training.values;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.tensor.Parameter;

class RmspropTest {
    private static final double[][] GRADIENTS = {{0.1, -0.3, 2}, {-0.2, -0.1, 2}, {0.05, 0.4, 1e-3}};

    @Test
    void defaultsAreKerasDefaults() {
        assertEquals(Map.of("learning_rate", 0.001, "rho", 0.9, "momentum", 0.0, "epsilon", 1e-7,
                "centered", false), new Rmsprop().values().asMap());
    }

    @Test
    void theFirstStepMovesEachWeightByAboutRootTenTimesTheLearningRate() {
        Parameter w = parameter("w", 0, 0);
        Optimizer.Updater run = new Rmsprop().start(List.of(w));

        step(run, w, 0.5, -2);

        // v = 0.1·g², so the step is lr·g / √(0.1·g² + ε) ≈ lr·√10·sign(g).
        assertArrayEquals(new double[] {-0.001 * 0.5 / Math.sqrt(0.025 + 1e-7),
            0.001 * 2 / Math.sqrt(0.4 + 1e-7)}, values(w), 1e-9);
        assertArrayEquals(new double[] {-0.001 * Math.sqrt(10), 0.001 * Math.sqrt(10)}, values(w), 1e-8);
    }

    @Test
    void threeStepsMatchTheUpdateRuleComputedInDouble() {
        assertMatchesReference(0, false);
    }

    @Test
    void momentumAccumulatesTheIncrements() {
        assertMatchesReference(0.9, false);
    }

    @Test
    void centeredDividesByTheVarianceEstimate() {
        assertMatchesReference(0, true);
        assertMatchesReference(0.5, true);
    }

    @Test
    void slotsExistOnlyForTheFeaturesInUse() {
        Parameter w = parameter("dense_1/kernel", 1);

        assertEquals(List.of("rms/dense_1/kernel"),
                List.copyOf(new Rmsprop().start(List.of(w)).state().keySet()));
        assertEquals(List.of("rms/dense_1/kernel", "momentum/dense_1/kernel", "mg/dense_1/kernel"),
                List.copyOf(configured(new Rmsprop(), Map.of("momentum", 0.9, "centered", true))
                        .start(List.of(w)).state().keySet()));
    }

    @Test
    void stepAllocatesNothing() {
        OptimizerAllocation.assertStepAllocatesNothing(new Rmsprop());
        OptimizerAllocation.assertStepAllocatesNothing(configured(new Rmsprop(),
                Map.of("momentum", 0.9, "centered", true)));
    }

    private static void assertMatchesReference(double momentum, boolean centered) {
        Parameter w = parameter("w", 0.5, -1, 0);
        Optimizer.Updater run = configured(new Rmsprop(), Map.of("learning_rate", 0.01,
                "momentum", momentum, "centered", centered)).start(List.of(w));
        for (double[] g : GRADIENTS) {
            step(run, w, g);
        }

        assertArrayEquals(reference(new double[] {0.5, -1, 0}, 0.01, momentum, centered), values(w), 1e-6,
                "momentum " + momentum + ", centered " + centered);
    }

    /** RMSprop as tf.keras 2.11+ writes it, in double, over {@link #GRADIENTS}. */
    private static double[] reference(double[] w, double lr, double momentum, boolean centered) {
        double rho = 0.9;
        double eps = 1e-7;
        double[] v = new double[w.length];
        double[] mg = new double[w.length];
        double[] s = new double[w.length];
        for (double[] gradient : GRADIENTS) {
            for (int i = 0; i < w.length; i++) {
                double g = gradient[i];
                v[i] = rho * v[i] + (1 - rho) * g * g;
                double denominator = v[i];
                if (centered) {
                    mg[i] = rho * mg[i] + (1 - rho) * g;
                    denominator -= mg[i] * mg[i];
                }
                double increment = lr * g / Math.sqrt(denominator + eps);
                if (momentum > 0) {
                    s[i] = momentum * s[i] + increment;
                    w[i] -= s[i];
                } else {
                    w[i] -= increment;
                }
            }
        }
        return w;
    }
}
