package org.neurite.testkit;

import static org.neurite.testkit.ActivationContractTest.failure;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.neurite.core.spi.Initializer;
import org.neurite.core.tensor.Matrix;

/** The initializer contract catches each kind of bug (core's initializers show it passes). */
class InitializerContractTest {

    @Test
    void anInitializerThatIgnoresTheGeneratorIsCaught() {
        Initializer ownRandom = new Uniform() {
            private final SplittableRandom own = new SplittableRandom(1);

            @Override
            public void initialize(Matrix target, int fanIn, int fanOut, RandomGenerator random) {
                super.initialize(target, fanIn, fanOut, own);
            }
        };
        String message = failure(() -> contract(ownRandom, true).sameSeedGivesTheSameValues());
        assertTrue(message.contains("draw only from the generator passed in"), message);
    }

    @Test
    void anInitializerThatSkipsTheLastElementIsCaught() {
        Initializer partial = new Uniform() {
            @Override
            public void initialize(Matrix target, int fanIn, int fanOut, RandomGenerator random) {
                float last = target.data()[target.size() - 1];
                super.initialize(target, fanIn, fanOut, random);
                target.data()[target.size() - 1] = last;
            }
        };
        String message = failure(() -> contract(partial, true).fillsEveryElementWithAFiniteValue());
        assertTrue(message.contains("pre-filled with NaN"), message);
    }

    @Test
    void aRandomInitializerWithAFixedSeedIsCaught() {
        Initializer fixed = new Uniform() {
            @Override
            public void initialize(Matrix target, int fanIn, int fanOut, RandomGenerator random) {
                super.initialize(target, fanIn, fanOut, new SplittableRandom(7));
            }
        };
        String message = failure(() -> contract(fixed, true).differentSeedsGiveDifferentValuesExactlyWhenRandom());
        assertTrue(message.contains("gave the same values for seeds 1 and 2"), message);
    }

    @Test
    void aConstantDeclaredRandomIsCaughtAndARandomOneDeclaredConstantToo() {
        Initializer constant = new Uniform() {
            @Override
            public void initialize(Matrix target, int fanIn, int fanOut, RandomGenerator random) {
                target.fill(0.5f);
            }
        };
        failure(() -> contract(constant, true).differentSeedsGiveDifferentValuesExactlyWhenRandom());
        String message = failure(() -> contract(new Uniform(), false)
                .differentSeedsGiveDifferentValuesExactlyWhenRandom());
        assertTrue(message.contains("depends on the seed although isRandom() is false"), message);
    }

    @Test
    void anInitializerThatFailsOnEmptyMatricesIsCaught() {
        Initializer fragile = new Uniform() {
            @Override
            public void initialize(Matrix target, int fanIn, int fanOut, RandomGenerator random) {
                double limit = Math.sqrt(6.0 / (fanIn * fanOut));
                if (!Double.isFinite(limit)) {
                    throw new ArithmeticException("fan-in × fan-out is 0");
                }
                super.initialize(target, fanIn, fanOut, random);
            }
        };
        String message = failure(() -> contract(fragile, true).acceptsEmptyMatrices());
        assertTrue(message.contains("failed on an empty 0×0 matrix"), message);
    }

    private static InitializerContract contract(Initializer initializer, boolean random) {
        return new InitializerContract() {
            @Override
            protected Initializer initializer() {
                return initializer;
            }

            @Override
            protected boolean isRandom() {
                return random;
            }
        };
    }

    /** A correct initializer: U(−0.1, 0.1). */
    static class Uniform implements Initializer {
        @Override
        public String name() {
            return "uniform";
        }

        @Override
        public void initialize(Matrix target, int fanIn, int fanOut, RandomGenerator random) {
            float[] d = target.data();
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) random.nextDouble(-0.1, 0.1);
            }
        }
    }
}
