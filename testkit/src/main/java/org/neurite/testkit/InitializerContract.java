package org.neurite.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Initializer;
import org.neurite.core.tensor.Matrix;

/**
 * Contract tests for an {@link Initializer}: subclass it in a JUnit 5 test and return the
 * initializer. On top of the shared checks of every component (name, hyperparameters,
 * determinism, thread safety) it checks that {@code initialize}:
 * <ul>
 *   <li>writes a finite value into every element (targets are pre-filled with NaN) of 4×3,
 *       1×7, 7×1 and 16×16 matrices, with fan-in = rows and fan-out = columns;</li>
 *   <li>accepts empty 0×0, 0×5 and 5×0 matrices;</li>
 *   <li>gives the same values for two {@link SplittableRandom}s with the same seed and, if
 *       {@link #isRandom()}, different values for different seeds; if not, the same values
 *       whatever the seed.</li>
 * </ul>
 *
 * <pre>{@code
 * class ZerosContractTest extends InitializerContract {
 *     @Override
 *     protected Initializer initializer() {
 *         return new Zeros();
 *     }
 *
 *     @Override
 *     protected boolean isRandom() {
 *         return false;                        // same values whatever the seed
 *     }
 * }
 * }</pre>
 */
public abstract class InitializerContract extends ComponentContract<Initializer> {
    private static final int[][] SHAPES = {{4, 3}, {1, 7}, {7, 1}, {16, 16}};
    private static final int[][] EMPTY_SHAPES = {{0, 0}, {0, 5}, {5, 0}};

    /** The initializer under test, configured as it is discovered. */
    protected abstract Initializer initializer();

    /** Whether the values depend on the generator. Default {@code true}; constants return false. */
    protected boolean isRandom() {
        return true;
    }

    @Override
    final Initializer component() {
        return initializer();
    }

    @Override
    final String kind() {
        return "initializer";
    }

    @Override
    final Initializer configure(Initializer component, Hyperparameters values) {
        return component.configure(values);
    }

    @Override
    final List<Object> run(Initializer initializer, long seed) {
        return List.of(initialized(initializer, 8, 6, seed));
    }

    /** Every element of the target gets a finite value. */
    @Test
    protected void fillsEveryElementWithAFiniteValue() {
        Initializer initializer = initializer();
        for (int[] shape : SHAPES) {
            Matrix target = initialized(initializer, shape[0], shape[1], 1);
            Samples.assertAllFinite(target, label(initializer) + " on a " + target.shape()
                    + " target");
        }
    }

    /** Initializing 0×0, 0×5 and 5×0 matrices does not fail. */
    @Test
    protected void acceptsEmptyMatrices() {
        Initializer initializer = initializer();
        for (int[] shape : EMPTY_SHAPES) {
            assertDoesNotThrow(() -> initialized(initializer, shape[0], shape[1], 1),
                    label(initializer) + " failed on an empty " + shape[0] + "×" + shape[1] + " matrix");
        }
    }

    /** Two generators with the same seed give the same values. */
    @Test
    protected void sameSeedGivesTheSameValues() {
        Initializer initializer = initializer();
        for (int[] shape : SHAPES) {
            assertEquals(initialized(initializer, shape[0], shape[1], 99),
                    initialized(initializer, shape[0], shape[1], 99), label(initializer)
                            + " gave different values for two generators with the same seed: draw"
                            + " only from the generator passed in");
        }
    }

    /** Different seeds give different values if {@link #isRandom()}, the same values if not. */
    @Test
    protected void differentSeedsGiveDifferentValuesExactlyWhenRandom() {
        Initializer initializer = initializer();
        Matrix first = initialized(initializer, 16, 16, 1);
        Matrix second = initialized(initializer, 16, 16, 2);
        if (isRandom()) {
            assertNotEquals(first, second, label(initializer) + " gave the same values for seeds 1"
                    + " and 2; if it is not random, override isRandom() to return false");
        } else {
            assertEquals(first, second, label(initializer) + " depends on the seed although"
                    + " isRandom() is false");
        }
    }

    private static Matrix initialized(Initializer initializer, int rows, int cols, long seed) {
        Matrix target = new Matrix(rows, cols).fill(Float.NaN);
        initializer.initialize(target, rows, cols, new SplittableRandom(seed));
        return target;
    }
}
