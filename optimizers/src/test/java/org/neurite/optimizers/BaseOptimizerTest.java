package org.neurite.optimizers;

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
import org.neurite.core.plugin.Plugins;
import org.neurite.core.spi.BaseOptimizer;
import org.neurite.core.spi.HyperparameterException;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.spi.OptimizerSettings;
import org.neurite.core.tensor.Parameter;

/** A third party's rule, written as the SPI's Javadoc shows, gets core's step, learning rate and options. */
class BaseOptimizerTest {

    /** The SPI's minimal example: sign descent, with a step counter slot to check slot handling. */
    static final class SignDescent extends BaseOptimizer {
        SignDescent() {
            this(Map.of());
        }

        private SignDescent(Map<String, ?> values) {
            super("sign_descent", OptimizerSettings.declarations(0.01), values);
        }

        @Override
        protected SignDescent with(Map<String, ?> values) {
            return new SignDescent(values);
        }

        @Override
        public List<Slot> slots() {
            return List.of(new Slot("seen", 0.5f));
        }

        @Override
        public void update(Step step, float[] w, float[] g, float[][] slots) {
            float lr = (float) step.learningRate();
            for (int i = 0; i < w.length; i++) {
                w[i] -= lr * Math.signum(g[i]);
                slots[0][i] += g[i];
            }
        }
    }

    @Test
    void aRuleOnlyWritesItsUpdateAndCoreKeepsTheStepCountAndSlots() {
        Parameter w = parameter("w", 1, -1, 0.5);
        Optimizer.Updater run = configured(new SignDescent(), Map.of("learning_rate", 0.1)).start(List.of(w));

        assertEquals(List.of("seen/w"), List.copyOf(run.state().keySet()));
        assertEquals(0.5f, run.state().get("seen/w").get(0, 2));
        step(run, w, 2, -3, 0);
        step(run, w, 2, -3, 0);

        assertEquals(2, run.iterations());
        assertEquals(1 - 0.2, values(w)[0], 1e-6);
        assertEquals(-1 + 0.2, values(w)[1], 1e-6);
        assertEquals(0.5, values(w)[2], 0);
        assertEquals(4.5f, run.state().get("seen/w").get(0, 0));
    }

    @Test
    void weightDecayIsAppliedBeforeTheRuleWithTheStepsLearningRate() {
        Parameter w = parameter("w", 2, -4);
        Optimizer.Updater run = configured(new SignDescent(),
                Map.of("learning_rate", 0.1, "weight_decay", 0.5)).start(List.of(w));

        step(run, w, 1, 0);

        // w ← w − w·0.5·0.1 = 0.95·w, then the sign step on the first weight only.
        assertEquals(2 * 0.95 - 0.1, values(w)[0], 1e-6);
        assertEquals(-4 * 0.95, values(w)[1], 1e-6);
    }

    @Test
    void clippingHappensBeforeTheRuleSeesTheGradient() {
        Parameter w = parameter("w", 0, 0);
        Optimizer.Updater run = configured(new SignDescent(), Map.of("clipnorm", 1.0)).start(List.of(w));

        step(run, w, 3, 4);

        float[] seen = run.state().get("seen/w").data();
        assertEquals(0.5 + 0.6, seen[0], 1e-6);
        assertEquals(0.5 + 0.8, seen[1], 1e-6);
    }

    @Test
    void globalClipnormScalesAllGradientsByTheirJointNorm() {
        Parameter a = parameter("a", 3);
        Parameter b = parameter("b", 4);
        Optimizer.Updater run = Plugins.discover().optimizers()
                .create("sgd", Map.of("learning_rate", 1.0, "global_clipnorm", 2.5)).start(List.of(a, b));
        Training.gradient(a, 3);
        Training.gradient(b, 4);

        run.step();

        assertEquals(3 - 1.5, values(a)[0], 1e-6);
        assertEquals(4 - 2.0, values(b)[0], 1e-6);
    }

    @Test
    void twoClippingOptionsAreRejectedAsKerasRejectsThem() {
        var e = assertThrows(HyperparameterException.class, () -> Plugins.discover().optimizers()
                .create("adam", Map.of("clipnorm", 1.0, "clipvalue", 0.5)));

        assertEquals("clipvalue", e.key());
        assertTrue(e.getMessage().startsWith("optimizer 'adam': only one of clipnorm, global_clipnorm and "
                + "clipvalue can be set, but found clipnorm = 1.0 clipvalue = 0.5"), e.getMessage());
    }

    @Test
    void everyBuiltInAcceptsTheStandardOptions() {
        for (String name : Plugins.discover().optimizers().names()) {
            Optimizer o = Plugins.discover().optimizers().create(name,
                    Map.of("learning_rate", 0.02, "weight_decay", 0.1, "clipvalue", 0.5));
            assertEquals(0.02, o.settings().learningRate(7), name);
            assertEquals(0.1, o.settings().weightDecay(), name);
            assertEquals(0.5, o.settings().clipvalue(), name);
        }
    }

    @Test
    void adamwDecaysByDefaultAndAdamDoesNot() {
        assertEquals(0.004, new AdamW().settings().weightDecay());
        assertEquals(0, new Adam().settings().weightDecay());
    }

    @Test
    void aPluginWithoutARuleSaysWhatToImplement() {
        Optimizer none = () -> "nothing";
        Parameter w = parameter("w", 1);
        Optimizer.Updater run = none.start(List.of(w));

        var e = assertThrows(UnsupportedOperationException.class, run::step);
        assertTrue(e.getMessage().contains("implements neither update"), e.getMessage());
    }
}
