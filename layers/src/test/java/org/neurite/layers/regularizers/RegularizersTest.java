package org.neurite.layers.regularizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.spi.HyperparameterException;
import org.neurite.core.spi.Regularizer;
import org.neurite.core.tensor.Matrix;
import org.neurite.testkit.RegularizerContract;

/** l1, l2 and l1_l2 against values computed by hand, with Keras 3's names and defaults. */
class RegularizersTest {
    private static final Plugins PLUGINS = Plugins.discover();
    private static final Matrix X = Matrix.of(new float[][] {{1.5f, -2f, 0f}, {0.25f, -0.5f, 3f}});
    // Σ|x| = 7.25, Σx² = 2.25 + 4 + 0 + 0.0625 + 0.25 + 9 = 15.5625

    @Test
    void theThreeAreFoundByKerasName() {
        assertEquals(new TreeSet<>(java.util.List.of("l1", "l1_l2", "l2")), new TreeSet<>(PLUGINS.regularizers().names()));
    }

    @Test
    void defaultsAreKeras3s() {
        assertEquals(0.01 * 7.25, PLUGINS.regularizers().create("l1", Map.of()).penalty(X), 1e-12);
        assertEquals(0.01 * 15.5625, PLUGINS.regularizers().create("l2", Map.of()).penalty(X), 1e-12);
        assertEquals(0.0, PLUGINS.regularizers().create("l1_l2", Map.of()).penalty(X), 0.0);
    }

    @Test
    void l1L2AddsBothTerms() {
        Regularizer r = PLUGINS.regularizers().create("l1_l2", Map.of("l1", 0.3, "l2", 0.1));
        assertEquals(0.3 * 7.25 + 0.1 * 15.5625, r.penalty(X), 1e-12);
    }

    @Test
    void gradientIsSignTimesL1PlusTwiceL2TimesXScaledAndAdded() {
        Regularizer r = new L1L2(0.3, 0.1);
        Matrix grad = new Matrix(2, 3).fill(1f);
        r.addGradient(X, 0.5, grad);
        double[][] expected = {{1 + 0.5 * (0.3 + 0.2 * 1.5), 1 + 0.5 * (-0.3 - 0.2 * 2), 1},
                {1 + 0.5 * (0.3 + 0.2 * 0.25), 1 + 0.5 * (-0.3 - 0.2 * 0.5), 1 + 0.5 * (0.3 + 0.2 * 3)}};
        for (int r0 = 0; r0 < 2; r0++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(expected[r0][c], grad.get(r0, c), 1e-6, "(" + r0 + ", " + c + ")");
            }
        }
    }

    @Test
    void negativeOrInfiniteFactorsAreRefusedNamingTheKey() {
        HyperparameterException negative = assertThrows(HyperparameterException.class,
                () -> PLUGINS.regularizers().create("l2", Map.of("l2", -0.1)));
        assertEquals("l2", negative.key());
        HyperparameterException infinite = assertThrows(HyperparameterException.class,
                () -> PLUGINS.regularizers().create("l1_l2", Map.of("l1", Double.POSITIVE_INFINITY)));
        assertEquals("l1", infinite.key());
    }

    @Nested
    class L1Contract extends RegularizerContract {
        @Override
        protected Regularizer regularizer() {
            return new L1();
        }
    }

    @Nested
    class L2Contract extends RegularizerContract {
        @Override
        protected Regularizer regularizer() {
            return new L2();
        }
    }

    @Nested
    class L1L2Contract extends RegularizerContract {
        @Override
        protected Regularizer regularizer() {
            return new L1L2();
        }
    }
}
