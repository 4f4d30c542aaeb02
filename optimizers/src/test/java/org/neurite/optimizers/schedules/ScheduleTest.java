package org.neurite.optimizers.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.neurite.core.optimizer.ScheduledOptimizer;
import org.neurite.core.plugin.PluginCatalog;
import org.neurite.core.plugin.PluginKind;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.spi.HyperparameterException;
import org.neurite.core.spi.LearningRateSchedule;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/**
 * The schedules against Keras 3's formulas ({@code learning_rate_schedule.py}) rewritten here in
 * float64, over many steps, and against hand-computed values at the points where a schedule
 * turns.
 */
class ScheduleTest {
    private static final Plugins PLUGINS = Plugins.discover();
    private static final PluginCatalog<LearningRateSchedule> SCHEDULES = PLUGINS.catalog(PluginKind.SCHEDULE);

    private static LearningRateSchedule schedule(String name, Map<String, ?> values) {
        return SCHEDULES.create(name, values);
    }

    private static void assertFollows(LearningRateSchedule s, LongToDoubleFunction reference, int steps) {
        for (long step = 0; step <= steps; step++) {
            assertEquals(reference.applyAsDouble(step), s.learningRate(step), 1e-12, s + " at step " + step);
        }
    }

    @Test
    void theFiveKerasSchedulesAreDiscovered() {
        assertEquals(List.of("cosine_decay", "cosine_decay_restarts", "exponential_decay", "inverse_time_decay",
                "piecewise_constant_decay", "polynomial_decay"), List.copyOf(SCHEDULES.names()));
    }

    @Test
    void exponentialDecay() {
        assertFollows(schedule("exponential_decay", Map.of("initial_learning_rate", 0.1, "decay_steps", 10,
                "decay_rate", 0.5)), s -> 0.1 * Math.pow(0.5, s / 10.0), 300);
        LearningRateSchedule stairs = schedule("exponential_decay", Map.of("initial_learning_rate", 0.1,
                "decay_steps", 10, "decay_rate", 0.5, "staircase", true));
        assertEquals(0.1, stairs.learningRate(9), 0);
        assertEquals(0.05, stairs.learningRate(10), 0);
        assertEquals(0.025, stairs.learningRate(29), 0);
    }

    @Test
    void inverseTimeDecay() {
        assertFollows(schedule("inverse_time_decay", Map.of("initial_learning_rate", 0.2, "decay_steps", 5,
                "decay_rate", 0.3)), s -> 0.2 / (1 + 0.3 * s / 5.0), 300);
        LearningRateSchedule stairs = schedule("inverse_time_decay", Map.of("initial_learning_rate", 0.2,
                "decay_steps", 5, "decay_rate", 1.0, "staircase", true));
        assertEquals(0.2, stairs.learningRate(4), 0);
        assertEquals(0.1, stairs.learningRate(5), 1e-15);
    }

    @Test
    void polynomialDecayStopsAtTheEndOrCycles() {
        assertFollows(schedule("polynomial_decay", Map.of("initial_learning_rate", 0.1, "decay_steps", 50,
                "end_learning_rate", 0.01, "power", 0.5)),
                s -> (0.1 - 0.01) * Math.pow(1 - Math.min(s, 50) / 50.0, 0.5) + 0.01, 300);
        LearningRateSchedule cycling = schedule("polynomial_decay", Map.of("initial_learning_rate", 0.1,
                "decay_steps", 50, "cycle", true));
        assertFollows(cycling, s -> {
            double steps = 50 * (s == 0 ? 1 : Math.ceil(s / 50.0));
            return (0.1 - 0.0001) * (1 - s / steps) + 0.0001;
        }, 300);
        assertEquals(0.0001, cycling.learningRate(50), 1e-15);
        assertEquals(0.1 - (0.1 - 0.0001) * 51 / 100, cycling.learningRate(51), 1e-15);
    }

    @Test
    void cosineDecayWithoutWarmUp() {
        assertFollows(schedule("cosine_decay", Map.of("initial_learning_rate", 0.1, "decay_steps", 100,
                "alpha", 0.1)), s -> 0.1 * (0.9 * 0.5 * (1 + Math.cos(Math.PI * Math.min(s, 100) / 100.0)) + 0.1),
                300);
    }

    @Test
    void cosineDecayWarmsUpLinearlyToTheTargetThenDecaysFromIt() {
        LearningRateSchedule s = schedule("cosine_decay", Map.of("initial_learning_rate", 0.0, "decay_steps", 100,
                "warmup_target", 0.2, "warmup_steps", 20, "alpha", 0.05));
        assertEquals(0.0, s.learningRate(0), 0);
        assertEquals(0.1, s.learningRate(10), 1e-15);
        assertEquals(0.2, s.learningRate(20), 1e-15);              // decay from the target begins
        assertEquals(0.2 * (0.95 * 0.5 + 0.05), s.learningRate(70), 1e-15); // halfway: cos(π/2) = 0
        assertEquals(0.2 * 0.05, s.learningRate(120), 1e-15);
        assertEquals(0.2 * 0.05, s.learningRate(1000), 1e-15);
        assertFollows(s, step -> {
            double g = Math.min(step, 120);
            return g < 20 ? 0.2 * g / 20 : 0.2 * (0.95 * 0.5 * (1 + Math.cos(Math.PI * (g - 20) / 100)) + 0.05);
        }, 300);
    }

    @Test
    void cosineDecayRestartsLengthensAndScalesEachPeriod() {
        LearningRateSchedule s = schedule("cosine_decay_restarts", Map.of("initial_learning_rate", 0.1,
                "first_decay_steps", 10, "t_mul", 2.0, "m_mul", 0.5));
        // Periods of 10, 20, 40 steps starting at 0, 10, 30, with peaks 0.1, 0.05, 0.025.
        assertEquals(0.1, s.learningRate(0), 1e-15);
        assertEquals(0.05, s.learningRate(10), 1e-12);
        assertEquals(0.05 * 0.5, s.learningRate(20), 1e-12);
        assertEquals(0.025, s.learningRate(30), 1e-12);
        assertFollows(s, step -> {
            long start = 0;
            long length = 10;
            int i = 0;
            while (step >= start + length) {
                start += length;
                length *= 2;
                i++;
            }
            double c = (double) (step - start) / length;
            return 0.1 * 0.5 * Math.pow(0.5, i) * (1 + Math.cos(Math.PI * c));
        }, 300);
        LearningRateSchedule even = schedule("cosine_decay_restarts", Map.of("initial_learning_rate", 0.1,
                "first_decay_steps", 10, "t_mul", 1.0, "alpha", 0.2));
        assertFollows(even, step -> 0.1 * (0.8 * 0.5 * (1 + Math.cos(Math.PI * (step % 10) / 10.0)) + 0.2), 300);
    }

    @Test
    void piecewiseConstantDecayKeepsEachValueUpToAndIncludingItsBoundary() {
        LearningRateSchedule s = schedule("piecewise_constant_decay", Map.of("boundaries", List.of(3L, 7L, 8L),
                "values", List.of(1.0, 0.5, 0.25, 0.125)));
        // Keras: values[0] for step <= boundaries[0], values[i] for b[i-1] < step <= b[i], values[-1] after.
        double[] expected = {1.0, 1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.5, 0.25, 0.125, 0.125, 0.125};
        for (int step = 0; step < expected.length; step++) {
            assertEquals(expected[step], s.learningRate(step), 0, "step " + step);
        }
        assertEquals(0.125, s.learningRate(Long.MAX_VALUE), 0);
        LearningRateSchedule atZero = schedule("piecewise_constant_decay", Map.of("boundaries", List.of(0L),
                "values", List.of(0.3, 0.1)));
        assertEquals(0.3, atZero.learningRate(0), 0, "step 0 <= boundary 0");
        assertEquals(0.1, atZero.learningRate(1), 0);
    }

    @Test
    void piecewiseConstantDecayRefusesValuesOfTheWrongLengthAndBoundariesThatDoNotIncrease() {
        var length = assertThrows(HyperparameterException.class, () -> schedule("piecewise_constant_decay",
                Map.of("boundaries", List.of(10L, 20L), "values", List.of(0.1, 0.01))));
        assertEquals("values", length.key());
        assertEquals("learning-rate schedule 'piecewise_constant_decay': values [0.1, 0.01] has 2 elements but "
                + "boundaries [10, 20] has 2, so values needs 3: one for the steps up to the first boundary and one "
                + "after each boundary.", length.getMessage());
        var order = assertThrows(HyperparameterException.class, () -> schedule("piecewise_constant_decay",
                Map.of("boundaries", List.of(10L, 10L), "values", List.of(0.1, 0.01, 0.001))));
        assertEquals("boundaries", order.key());
        assertTrue(order.getMessage().contains("boundaries [10, 10] must be strictly increasing, but boundaries[1] = "
                + "10 is not greater than boundaries[0] = 10"), order.getMessage());
        var empty = assertThrows(HyperparameterException.class, () -> schedule("piecewise_constant_decay",
                Map.of("boundaries", List.of(), "values", List.of(0.1))));
        assertTrue(empty.getMessage().contains("boundaries is empty"), empty.getMessage());
        var fraction = assertThrows(HyperparameterException.class, () -> schedule("piecewise_constant_decay",
                Map.of("boundaries", List.of(10L, 2.5), "values", List.of(0.1, 0.01, 0.001))));
        assertTrue(fraction.getMessage().startsWith("learning-rate schedule 'piecewise_constant_decay': "
                + "boundaries[1] = 2.5 is not an integer. accepted: boundaries (list of integers ≥ 0, required), "
                + "values (list of numbers ≥ 0, required)."), fraction.getMessage());
        var negative = assertThrows(HyperparameterException.class, () -> schedule("piecewise_constant_decay",
                Map.of("boundaries", List.of(10L), "values", List.of(0.1, -0.01))));
        assertTrue(negative.getMessage().contains("values[1] = -0.01 is out of range: it must be ≥ 0"),
                negative.getMessage());
        var scalar = assertThrows(HyperparameterException.class, () -> schedule("piecewise_constant_decay",
                Map.of("boundaries", 10L, "values", List.of(0.1, 0.01))));
        assertTrue(scalar.getMessage().contains("boundaries = 10 is not a list; expected a list of integers"),
                scalar.getMessage());
    }

    @Test
    void aScheduleNeedsItsRequiredKeys() {
        var e = assertThrows(HyperparameterException.class, () -> schedule("exponential_decay",
                Map.of("initial_learning_rate", 0.1, "decay_rate", 0.5)));
        assertEquals("decay_steps", e.key());
        assertTrue(e.getMessage().startsWith("learning-rate schedule 'exponential_decay' needs decay_steps"),
                e.getMessage());
    }

    @Test
    void theOptimizerStepsWithTheScheduleAtItsStepCountAndAResumedRunContinuesIt() {
        LearningRateSchedule decay = schedule("exponential_decay", Map.of("initial_learning_rate", 0.1,
                "decay_steps", 7, "decay_rate", 0.3));
        Optimizer sgd = ScheduledOptimizer.of(PLUGINS.optimizers().create("sgd", Map.of()), decay);
        Parameter w = new Parameter("w", new Matrix(1, 1));
        Optimizer.Updater run = sgd.start(List.of(w));
        double expected = 0;
        for (int step = 0; step < 60; step++) {
            if (step == 30) { // resume: a fresh run told the step count continues the schedule
                run = sgd.start(List.of(w));
                run.setIterations(30);
            }
            w.gradient().data()[0] = 1 + step % 3;
            run.step();
            expected -= 0.1 * Math.pow(0.3, step / 7.0) * (1 + step % 3);
        }
        assertEquals(expected, w.value().data()[0], 1e-6);
        assertEquals(60, run.iterations());
    }

    @Test
    void aConstantLearningRateCanBeSetBetweenStepsAndAScheduleCannot() {
        Optimizer sgd = PLUGINS.optimizers().create("sgd", Map.of("learning_rate", 0.5));
        Parameter w = new Parameter("w", new Matrix(1, 1));
        Optimizer.Updater run = sgd.start(List.of(w));
        assertEquals(0.5, run.learningRate());
        w.gradient().data()[0] = 1;
        run.step();
        run.setLearningRate(0.125);
        assertEquals(0.125, run.learningRate());
        run.step();
        assertEquals(-0.625f, w.value().data()[0], "w − 0.5·1 − 0.125·1");
        assertThrows(IllegalArgumentException.class, () -> run.setLearningRate(Double.NaN));

        LearningRateSchedule decay = schedule("piecewise_constant_decay", Map.of("boundaries", List.of(0L),
                "values", List.of(0.3, 0.1)));
        Optimizer.Updater scheduled = ScheduledOptimizer.of(sgd, decay).start(List.of(w));
        assertEquals(0.3, scheduled.learningRate());
        scheduled.step();
        assertEquals(0.1, scheduled.learningRate(), "the schedule at the step count");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> scheduled.setLearningRate(0.01));
        assertTrue(e.getMessage().startsWith("The learning rate of 'sgd' is the schedule piecewise_constant_decay"),
                e.getMessage());
    }

    @Test
    void weightDecayUsesTheScheduledLearningRate() {
        LearningRateSchedule halving = schedule("exponential_decay", Map.of("initial_learning_rate", 0.5,
                "decay_steps", 1, "decay_rate", 0.5));
        Optimizer sgd = ScheduledOptimizer.of(PLUGINS.optimizers().create("sgd", Map.of("weight_decay", 0.2)), halving);
        Parameter w = new Parameter("w", Matrix.of(new double[] {1}));
        Optimizer.Updater run = sgd.start(List.of(w));
        double expected = 1;
        for (int step = 0; step < 20; step++) {
            run.step(); // zero gradient: only the decay moves the weight
            expected -= expected * 0.2 * 0.5 * Math.pow(0.5, step);
        }
        assertEquals(expected, w.value().data()[0], 1e-6);
    }
}
