package org.neurite.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neurite.optimizers.Training.configured;
import static org.neurite.optimizers.Training.parameter;
import static org.neurite.optimizers.Training.step;
import static org.neurite.optimizers.Training.values;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.HyperparameterException;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

class SgdTest {

    @Test
    void defaultsAreKerasDefaults() {
        assertEquals(Map.of("learning_rate", 0.01, "momentum", 0.0, "nesterov", false, "decay", 0.0),
                new Sgd().values().asMap());
    }

    @Test
    void plainStepIsTheFloatUpdateOfTensorFlowsKernel() {
        Parameter w = parameter("dense_1/kernel", 1, -0.5, 0.3);
        Optimizer.Updater run = new Sgd().start(List.of(w));

        step(run, w, 0.1, 2, -0.7);

        float lr = 0.01f;
        assertArrayEquals(new float[] {1f - 0.1f * lr, -0.5f - 2f * lr, 0.3f - (-0.7f) * lr},
                w.value().data(), 0f);
    }

    @Test
    void momentumFollowsKerasOverThreeSteps() {
        Parameter w = parameter("w", 1, 1);
        Optimizer.Updater run = configured(new Sgd(), Map.of("learning_rate", 0.1, "momentum", 0.9))
                .start(List.of(w));

        // By hand, g = (1, −2) each step: v ← 0.9·v − 0.1·g; w ← w + v.
        step(run, w, 1, -2);
        assertArrayEquals(new double[] {0.9, 1.2}, values(w), 1e-6);
        step(run, w, 1, -2);
        assertArrayEquals(new double[] {0.71, 1.58}, values(w), 1e-6);
        step(run, w, 1, -2);
        assertArrayEquals(new double[] {0.439, 2.122}, values(w), 1e-6);
        assertArrayEquals(new float[] {-0.271f, 0.542f}, run.state().get("velocity/w").data(), 1e-6f);
    }

    @Test
    void nesterovMomentumFollowsKerasOverThreeSteps() {
        Parameter w = parameter("w", 1, 1);
        Optimizer.Updater run = configured(new Sgd(),
                Map.of("learning_rate", 0.1, "momentum", 0.9, "nesterov", true)).start(List.of(w));

        // By hand: v ← 0.9·v − 0.1·g; w ← w + 0.9·v − 0.1·g.
        step(run, w, 1, -2);
        assertArrayEquals(new double[] {0.81, 1.38}, values(w), 1e-6);
        step(run, w, 1, -2);
        assertArrayEquals(new double[] {0.539, 1.922}, values(w), 1e-6);
        step(run, w, 1, -2);
        assertArrayEquals(new double[] {0.1951, 2.6098}, values(w), 1e-6);
    }

    @Test
    void decayDividesTheLearningRateByOnePlusDecayTimesIterations() {
        Parameter w = parameter("w", 1);
        Optimizer.Updater run = configured(new Sgd(), Map.of("learning_rate", 0.1, "decay", 0.5))
                .start(List.of(w));

        step(run, w, 1);                 // iterations 0: lr 0.1
        assertArrayEquals(new double[] {0.9}, values(w), 1e-7);
        step(run, w, 1);                 // iterations 1: lr 0.1 / 1.5
        assertArrayEquals(new double[] {0.9 - 0.1 / 1.5}, values(w), 1e-7);
        step(run, w, 1);                 // iterations 2: lr 0.1 / 2
        assertArrayEquals(new double[] {0.9 - 0.1 / 1.5 - 0.05}, values(w), 1e-7);
        assertEquals(3, run.iterations());
    }

    @Test
    void aResumedRunDecaysFromTheRestoredIterationCount() {
        Parameter w = parameter("w", 1);
        Optimizer.Updater run = configured(new Sgd(), Map.of("learning_rate", 0.1, "decay", 0.5))
                .start(List.of(w));

        run.setIterations(8);
        step(run, w, 1);

        assertArrayEquals(new double[] {1 - 0.1 / 5}, values(w), 1e-7);
        assertEquals(9, run.iterations());
    }

    @Test
    void withoutMomentumTheStateIsEmpty() {
        Optimizer.Updater run = new Sgd().start(List.of(parameter("dense_1/kernel", 1, 2)));

        assertTrue(run.state().isEmpty());
    }

    @Test
    void withMomentumTheStateHoldsALiveVelocityPerParameter() {
        Parameter kernel = new Parameter("dense_1/kernel", new Matrix(3, 2).fill(1));
        Parameter bias = new Parameter("dense_1/bias", new Matrix(1, 2));
        Optimizer.Updater run = configured(new Sgd(), Map.of("momentum", 0.5))
                .start(List.of(kernel, bias));
        Map<String, Matrix> state = run.state();

        assertEquals(List.of("velocity/dense_1/kernel", "velocity/dense_1/bias"), List.copyOf(state.keySet()));
        assertEquals("3×2", state.get("velocity/dense_1/kernel").shape());
        assertEquals("1×2", state.get("velocity/dense_1/bias").shape());

        kernel.gradient().fill(1);
        run.step();

        assertSame(state.get("velocity/dense_1/kernel"), run.state().get("velocity/dense_1/kernel"));
        assertEquals(-0.01f, state.get("velocity/dense_1/kernel").get(2, 1));
    }

    @Test
    void outOfRangeMomentumIsRejectedListingEveryHyperparameterWithItsDefault() {
        var e = assertThrows(HyperparameterException.class,
                () -> Plugins.discover().optimizers().create("sgd", Map.of("momentum", 1.5)));

        assertEquals("momentum", e.key());
        assertEquals("optimizer 'sgd': momentum = 1.5 is out of range: it must be in [0, 1]. accepted: "
                + "learning_rate (number > 0, default 0.01), momentum (number in [0, 1], default 0), "
                + "nesterov (boolean, default false), decay (number ≥ 0, default 0), weight_decay (number ≥ 0, optional), clipnorm (number > 0, optional), "
                + "global_clipnorm (number > 0, optional), clipvalue (number > 0, optional).", e.getMessage());
    }

    @Test
    void configureChecksTheValuesItIsGivenAgain() {
        // Values resolved against a looser declaration must not slip past Sgd's own ranges.
        Hyperparameters loose = Hyperparameters.resolve("elsewhere",
                List.of(Hyperparameter.number("momentum", 0.0)), Map.of("momentum", 1.5));

        var e = assertThrows(HyperparameterException.class, () -> new Sgd().configure(loose));

        assertTrue(e.getMessage().startsWith("optimizer 'sgd': momentum = 1.5 is out of range"),
                e.getMessage());
    }

    @Test
    void configureReturnsANewInstanceAndLeavesTheSharedOneAlone() {
        Sgd shared = new Sgd();
        Sgd fast = configured(shared, Map.of("learning_rate", 0.5));

        assertEquals(0.5, fast.values().number("learning_rate"));
        assertEquals(0.01, shared.values().number("learning_rate"));
        assertEquals(new Sgd(), configured(shared, Map.of()));
        assertNotEquals(shared, fast);
    }

    @Test
    void twoRunsSharingOneInstanceDoNotInterfere() {
        Sgd shared = configured(new Sgd(), Map.of("learning_rate", 0.1, "momentum", 0.9, "decay", 0.1));
        Parameter aloneA = parameter("w", 1, 2);
        Parameter aloneB = parameter("w", -3, 0.5);
        Optimizer.Updater soloA = shared.start(List.of(aloneA));
        for (int i = 0; i < 4; i++) {
            step(soloA, aloneA, 0.5, -1);
        }
        Optimizer.Updater soloB = shared.start(List.of(aloneB));
        for (int i = 0; i < 2; i++) {
            step(soloB, aloneB, 2, 0.25);
        }

        Parameter a = parameter("w", 1, 2);
        Parameter b = parameter("w", -3, 0.5);
        Optimizer.Updater runA = shared.start(List.of(a));
        Optimizer.Updater runB = shared.start(List.of(b));
        for (int i = 0; i < 4; i++) {
            step(runA, a, 0.5, -1);
            if (i < 2) {
                step(runB, b, 2, 0.25);
            }
        }

        assertEquals(aloneA.value(), a.value());
        assertEquals(aloneB.value(), b.value());
        assertEquals(soloA.state().get("velocity/w"), runA.state().get("velocity/w"));
        assertEquals(4, runA.iterations());
        assertEquals(2, runB.iterations());
    }

    @Test
    void parametersSharingANameAreRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Sgd().start(List.of(parameter("dense_1/kernel", 1), parameter("dense_1/kernel", 2))));

        assertTrue(e.getMessage().startsWith("sgd: two parameters are named 'dense_1/kernel'."),
                e.getMessage());
    }

    @Test
    void aNegativeIterationCountIsRejected() {
        Optimizer.Updater run = new Sgd().start(List.of(parameter("w", 1)));

        var e = assertThrows(IllegalArgumentException.class, () -> run.setIterations(-1));
        assertTrue(e.getMessage().contains("must be ≥ 0"), e.getMessage());
    }

    @Test
    void stepAllocatesNothing() {
        OptimizerAllocation.assertStepAllocatesNothing(configured(new Sgd(),
                Map.of("momentum", 0.9, "nesterov", true, "decay", 0.01)));
        OptimizerAllocation.assertStepAllocatesNothing(new Sgd());
    }
}
