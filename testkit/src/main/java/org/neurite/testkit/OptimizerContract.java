package org.neurite.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/**
 * Contract tests for an {@link Optimizer}: subclass it in a JUnit 5 test and return the
 * optimizer. Every check trains three parameters (3×2, 1×2 and 2×1) on the quadratic
 * {@code f(w) = ½ Σ c·w²} with random curvatures {@code c ∈ [0.5, 2]}, whose gradient
 * {@code c·w} is positive definite. On top of the shared checks of every component (name,
 * hyperparameters, determinism, thread safety) it checks that:
 * <ul>
 *   <li>one step, and ten, with the default hyperparameters move downhill;</li>
 *   <li>two {@link Optimizer.Updater}s started from one shared instance on separate parameters,
 *       stepped alternately, end bit-identical to solo runs (all state is per run);</li>
 *   <li>{@code iterations()} counts steps from 0 and {@code setIterations} sets it;</li>
 *   <li>{@code state()} has the same keys, in the same order, from {@code start} on, holding
 *       matrices of the parameters' shapes;</li>
 *   <li>copying a saved {@code state()} and {@code iterations()} into a fresh updater over
 *       parameters with the saved values, then continuing, is bit-identical to not stopping.</li>
 * </ul>
 *
 * <pre>{@code
 * class AdamContractTest extends OptimizerContract {
 *     @Override
 *     protected Optimizer optimizer() {
 *         return new Adam();
 *     }
 * }
 * }</pre>
 */
public abstract class OptimizerContract extends ComponentContract<Optimizer> {
    private static final int STEPS = 10;

    /** The optimizer under test, configured as it is discovered. */
    protected abstract Optimizer optimizer();

    @Override
    final Optimizer component() {
        return optimizer();
    }

    @Override
    final String kind() {
        return "optimizer";
    }

    @Override
    final Optimizer configure(Optimizer component, Hyperparameters values) {
        return component.configure(values);
    }

    @Override
    final List<Object> run(Optimizer optimizer, long seed) {
        Quadratic q = new Quadratic(seed);
        Optimizer.Updater updater = optimizer.start(q.parameters);
        q.train(updater, STEPS);
        return q.snapshot(updater);
    }

    /** One step, and ten, on a positive-definite quadratic decrease it. */
    @Test
    protected void stepsOnAQuadraticMoveDownhill() {
        Optimizer optimizer = optimizer();
        Quadratic q = new Quadratic(3);
        Optimizer.Updater updater = optimizer.start(q.parameters);
        double start = q.value();
        q.train(updater, 1);
        double afterOne = q.value();
        assertTrue(afterOne < start, label(optimizer) + ": one step on ½Σc·w² went from " + start
                + " to " + afterOne + "; a step must move downhill along the gradient c·w");
        q.train(updater, STEPS - 1);
        double afterTen = q.value();
        assertTrue(Double.isFinite(afterTen) && afterTen < start, label(optimizer) + ": " + STEPS
                + " steps on ½Σc·w² went from " + start + " to " + afterTen);
    }

    /** Two updaters of one shared instance, stepped alternately, match solo runs bit for bit. */
    @Test
    protected void updatersStartedFromOneInstanceEvolveIndependently() {
        Optimizer shared = optimizer();
        List<Object> soloA = run(shared, 1);
        List<Object> soloB = run(shared, 2);
        Quadratic a = new Quadratic(1);
        Quadratic b = new Quadratic(2);
        Optimizer.Updater ua = shared.start(a.parameters);
        Optimizer.Updater ub = shared.start(b.parameters);
        for (int i = 0; i < STEPS; i++) {
            a.train(ua, 1);
            b.train(ub, 1);
        }
        String why = label(shared) + ": two updaters of one instance, stepped alternately, differ"
                + " from solo runs; keep every changing value (moments, step count) in the Updater";
        assertEquals(soloA, a.snapshot(ua), why);
        assertEquals(soloB, b.snapshot(ub), why);
    }

    /** {@code iterations()} counts steps from 0 and {@code setIterations} sets it. */
    @Test
    protected void iterationsCountStepsAndCanBeSet() {
        Optimizer optimizer = optimizer();
        Quadratic q = new Quadratic(4);
        Optimizer.Updater updater = optimizer.start(q.parameters);
        assertEquals(0, updater.iterations(), label(optimizer) + ": a new updater has made no step");
        q.train(updater, 3);
        assertEquals(3, updater.iterations(), label(optimizer) + ": iterations() after 3 steps");
        updater.setIterations(100);
        assertEquals(100, updater.iterations(), label(optimizer) + ": iterations() after setIterations(100)");
        q.train(updater, 1);
        assertEquals(101, updater.iterations(), label(optimizer) + ": one step after setIterations(100)");
    }

    /** {@code state()} has the same keys in the same order from {@code start} on, with parameter shapes. */
    @Test
    protected void stateHasStableKeysInAStableOrderWithParameterShapes() {
        Optimizer optimizer = optimizer();
        Quadratic q = new Quadratic(5);
        Optimizer.Updater updater = optimizer.start(q.parameters);
        List<String> keys = List.copyOf(updater.state().keySet());
        assertEquals(keys, List.copyOf(updater.state().keySet()), "state() keys must come in a stable order");
        q.train(updater, 3);
        assertEquals(keys, List.copyOf(updater.state().keySet()), label(optimizer) + ": state() keys"
                + " changed after 3 steps; create every per-parameter state in start() so a saved"
                + " state can be copied into a fresh updater");
        assertEquals(keys, List.copyOf(optimizer.start(new Quadratic(5).parameters).state().keySet()),
                label(optimizer) + ": two updaters over equal parameters have different state() keys");
        List<String> shapes = q.parameters.stream().map(p -> p.value().shape()).toList();
        for (Map.Entry<String, Matrix> e : updater.state().entrySet()) {
            assertNotNull(e.getValue(), "state " + e.getKey() + " is null");
            assertTrue(shapes.contains(e.getValue().shape()), label(optimizer) + ": state "
                    + e.getKey() + " is " + e.getValue().shape() + ", not the shape of a parameter "
                    + shapes);
            assertTrue(e.getValue().isFinite(), "state " + e.getKey() + " is not finite");
        }
    }

    /** Copying a saved state and step count into a fresh updater continues bit-identically. */
    @Test
    protected void resumingFromSavedStateGivesBitIdenticalResults() {
        Optimizer optimizer = optimizer();
        Quadratic original = new Quadratic(6);
        Optimizer.Updater first = optimizer.start(original.parameters);
        original.train(first, STEPS / 2);

        Quadratic resumed = new Quadratic(6);
        for (int i = 0; i < original.parameters.size(); i++) {
            resumed.parameters.get(i).value().copyFrom(original.parameters.get(i).value());
        }
        Optimizer.Updater second = optimizer.start(resumed.parameters);
        for (Map.Entry<String, Matrix> saved : first.state().entrySet()) {
            Matrix live = second.state().get(saved.getKey());
            assertNotNull(live, label(optimizer) + ": a fresh updater has no state '" + saved.getKey()
                    + "' to restore into; its keys are " + second.state().keySet());
            live.copyFrom(saved.getValue().copy());
        }
        second.setIterations(first.iterations());

        original.train(first, STEPS / 2);
        resumed.train(second, STEPS / 2);
        assertEquals(original.snapshot(first), resumed.snapshot(second), label(optimizer) + ": training"
                + " resumed from a copy of state() and iterations() differs from training that never"
                + " stopped; state() must return the live matrices and hold every changing value");
    }

    /** Parameters of {@code ½ Σ c·w²}, drawn from a seed. */
    private static final class Quadratic {
        final List<Parameter> parameters = new ArrayList<>();
        final List<float[]> curvatures = new ArrayList<>();

        Quadratic(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            add("dense_1/kernel", 3, 2, random);
            add("dense_1/bias", 1, 2, random);
            add("dense_2/kernel", 2, 1, random);
        }

        private void add(String name, int rows, int cols, SplittableRandom random) {
            Matrix value = Samples.uniform(random, rows, cols, -1, 1);
            parameters.add(new Parameter(name, value));
            curvatures.add(Samples.uniform(random, rows, cols, 0.5, 2).data());
        }

        void train(Optimizer.Updater updater, int steps) {
            for (int s = 0; s < steps; s++) {
                for (int i = 0; i < parameters.size(); i++) {
                    float[] w = parameters.get(i).value().data();
                    float[] g = parameters.get(i).gradient().data();
                    float[] c = curvatures.get(i);
                    for (int j = 0; j < w.length; j++) {
                        g[j] = c[j] * w[j];
                    }
                }
                updater.step();
            }
        }

        double value() {
            double f = 0;
            for (int i = 0; i < parameters.size(); i++) {
                float[] w = parameters.get(i).value().data();
                float[] c = curvatures.get(i);
                for (int j = 0; j < w.length; j++) {
                    f += 0.5 * c[j] * w[j] * w[j];
                }
            }
            return f;
        }

        /** Parameter values, state and step count, copied. */
        List<Object> snapshot(Optimizer.Updater updater) {
            List<Object> out = new ArrayList<>();
            parameters.forEach(p -> out.add(p.value().copy()));
            Map<String, Matrix> state = new LinkedHashMap<>();
            updater.state().forEach((k, v) -> state.put(k, v.copy()));
            out.add(state);
            out.add(updater.iterations());
            return out;
        }
    }
}
