package org.neurite.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Regularizer;
import org.neurite.core.tensor.Matrix;

/**
 * Contract tests for a {@link Regularizer}: subclass it in a JUnit 5 test and return the
 * regularizer. On top of the shared checks of every component (name, hyperparameters,
 * determinism, thread safety) it checks that:
 * <ul>
 *   <li>the penalty is finite and not negative on 4×3, 1×7 and 16×16 matrices, and leaves its
 *       input unchanged;</li>
 *   <li>{@code addGradient} adds {@code scale} times the gradient of the penalty to what the
 *       gradient matrix held (checked against finite differences, {@link GradientCheck}, away
 *       from 0 where L1-like penalties have a kink), for scales 1 and 0.25;</li>
 *   <li>the penalty of an empty matrix is 0.</li>
 * </ul>
 *
 * <pre>{@code
 * class L2ContractTest extends RegularizerContract {
 *     @Override
 *     protected Regularizer regularizer() {
 *         return new L2(0.01);
 *     }
 * }
 * }</pre>
 */
public abstract class RegularizerContract extends ComponentContract<Regularizer> {
    private static final int[][] SHAPES = {{4, 3}, {1, 7}, {16, 16}};

    /** The regularizer under test, configured as it is discovered. */
    protected abstract Regularizer regularizer();

    @Override
    final Regularizer component() {
        return regularizer();
    }

    @Override
    final String kind() {
        return "regularizer";
    }

    @Override
    final Regularizer configure(Regularizer component, Hyperparameters values) {
        return component.configure(values);
    }

    @Override
    final List<Object> run(Regularizer regularizer, long seed) {
        Matrix x = Samples.uniform(new SplittableRandom(seed), 5, 4, -2, 2);
        Matrix grad = new Matrix(5, 4);
        regularizer.addGradient(x, 1, grad);
        return List.of(regularizer.penalty(x), grad);
    }

    /** The penalty is a finite number ≥ 0 and does not modify its input. */
    @Test
    protected void penaltyIsFiniteAndNotNegative() {
        Regularizer r = regularizer();
        for (int[] shape : SHAPES) {
            Matrix x = Samples.uniform(new SplittableRandom(3), shape[0], shape[1], -2, 2);
            Matrix before = x.copy();
            double p = r.penalty(x);
            assertTrue(Double.isFinite(p) && p >= 0, label(r) + " gave the penalty " + p + " on a " + x.shape()
                    + " matrix; a penalty is a finite number ≥ 0");
            assertEquals(before, x, label(r) + " modified its input");
        }
    }

    /** An empty matrix has no penalty. */
    @Test
    protected void emptyMatrixHasNoPenalty() {
        Regularizer r = regularizer();
        assertEquals(0.0, r.penalty(new Matrix(0, 3)), label(r) + " on a 0×3 matrix");
    }

    /** {@code addGradient} adds {@code scale} times the penalty's gradient to what was there. */
    @Test
    protected void addsTheScaledGradientOfThePenalty() {
        Regularizer r = regularizer();
        for (double scale : new double[] {1, 0.25}) {
            for (int[] shape : SHAPES) {
                Matrix x = Samples.uniform(new SplittableRandom(5), shape[0], shape[1], -2, 2);
                Matrix start = Samples.uniform(new SplittableRandom(6), shape[0], shape[1], -1, 1);
                Matrix grad = start.copy();
                r.addGradient(x, scale, grad);
                Matrix added = new Matrix(x.rows(), x.cols());
                for (int i = 0; i < added.size(); i++) {
                    added.data()[i] = grad.data()[i] - start.data()[i];
                }
                GradientCheck.assertPasses(GradientCheck.compare(label(r) + " × " + scale + " on a " + x.shape()
                        + " matrix", x, added, m -> scale * r.penalty(m), GradientCheck.DEFAULT_STEP,
                        GradientCheck.DEFAULT_TOLERANCE, v -> Math.abs(v) > 0.02));
            }
        }
    }
}
