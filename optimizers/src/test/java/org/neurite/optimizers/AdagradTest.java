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

class AdagradTest {
    private static final double[][] GRADIENTS = {{0.1, -0.3, 2}, {-0.2, -0.1, 2}, {0.05, 0.4, 1e-3}};

    @Test
    void defaultsAreKerasDefaults() {
        assertEquals(Map.of("learning_rate", 0.001, "initial_accumulator_value", 0.1, "epsilon", 1e-7),
                new Adagrad().values().asMap());
    }

    @Test
    void theFirstStepDividesByTheRootOfTheInitialAccumulatorPlusTheSquaredGradient() {
        Parameter w = parameter("w", 0, 0);
        Optimizer.Updater run = new Adagrad().start(List.of(w));

        step(run, w, 1, -0.5);

        assertArrayEquals(new double[] {-0.001 / Math.sqrt(1.1 + 1e-7), 0.0005 / Math.sqrt(0.35 + 1e-7)},
                values(w), 1e-10);
        assertEquals(-9.534625e-4, values(w)[0], 1e-10);
    }

    @Test
    void threeStepsMatchTheUpdateRuleComputedInDouble() {
        Parameter w = parameter("w", 0.5, -1, 0);
        Optimizer.Updater run = configured(new Adagrad(), Map.of("learning_rate", 0.1,
                "initial_accumulator_value", 0.5)).start(List.of(w));
        for (double[] g : GRADIENTS) {
            step(run, w, g);
        }

        double[] expected = {0.5, -1, 0};
        double[] acc = {0.5, 0.5, 0.5};
        for (double[] g : GRADIENTS) {
            for (int i = 0; i < 3; i++) {
                acc[i] += g[i] * g[i];
                expected[i] -= 0.1 * g[i] / Math.sqrt(acc[i] + 1e-7);
            }
        }
        assertArrayEquals(expected, values(w), 1e-6);
        assertArrayEquals(new float[] {(float) acc[0], (float) acc[1], (float) acc[2]},
                run.state().get("accumulator/w").data(), 1e-6f);
    }

    @Test
    void theAccumulatorStartsAtItsInitialValue() {
        Optimizer.Updater run = configured(new Adagrad(), Map.of("initial_accumulator_value", 0.25))
                .start(List.of(parameter("dense_1/bias", 0, 0)));

        assertEquals(List.of("accumulator/dense_1/bias"), List.copyOf(run.state().keySet()));
        assertArrayEquals(new float[] {0.25f, 0.25f}, run.state().get("accumulator/dense_1/bias").data(), 0f);
    }

    @Test
    void stepAllocatesNothing() {
        OptimizerAllocation.assertStepAllocatesNothing(new Adagrad());
    }
}
