package org.neurite.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.neurite.core.config.LayerSpec;
import org.neurite.core.network.Network;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.Component;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Layer;
import org.neurite.core.spi.LayerArguments;
import org.neurite.core.spi.LayerType;
import org.neurite.core.spi.Pass;
import org.neurite.core.tensor.Kernels;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/**
 * Contract tests for a {@link LayerType}: subclass it in a JUnit 5 test and return the type
 * (and, if it needs them, its hyperparameters, components and arrays). On top of the shared
 * checks of every component (name, hyperparameter declarations and validation, determinism,
 * thread safety of the shared type) it checks a layer built in a one-layer network, with its
 * {@link Layer#activation() activation} applied after it as the network applies it:
 * <ul>
 *   <li>the gradient with respect to the input, and of every trainable parameter, against
 *       finite differences ({@link GradientCheck}) of {@code Σ gradOutput ⊙ output} in a
 *       training pass (whose random source is re-seeded for every evaluation, so a dropout
 *       mask stays fixed), on batches of 3 and 8 rows, parameters moved off their initial
 *       values first;</li>
 *   <li>inference is deterministic, draws no random numbers, writes none of the network's
 *       arrays, does not disturb a pending training backward pass, and gives from two threads
 *       at once what it gives sequentially;</li>
 *   <li>state save and restore: after training steps, the arrays copied out and back (into the
 *       same network, or into a fresh one built with another seed) give bit-identical
 *       inference, so no state hides outside the arrays the layer declared;</li>
 *   <li>determinism: the same build seed and pass seed give bit-identical training passes,
 *       with randomness drawn only from {@link Pass#random()};</li>
 *   <li>inference of rows one at a time equals inference of the batch;</li>
 *   <li>portable and best kernels ({@link Kernels#portable()}, {@link Kernels#best()}) agree;</li>
 *   <li>every element of the output and of the input gradient is written, inputs are left
 *       unchanged, the output has the width {@link Layer#outputWidth} promised;</li>
 *   <li>no allocation in forward and backward once a batch size has been seen (measured with
 *       the JVM's per-thread allocation counter, on the portable kernels; skipped where the JVM
 *       has none).</li>
 * </ul>
 *
 * <pre>{@code
 * class DropoutContractTest extends LayerContract {
 *     protected LayerType layerType() {
 *         return new DropoutType();
 *     }
 *
 *     protected Map<String, Object> hyperparameters() {
 *         return Map.of("rate", 0.25);
 *     }
 * }
 * }</pre>
 */
public abstract class LayerContract extends ComponentContract<LayerType> {
    private static final int[] BATCH_SIZES = {3, 8};
    private static final double KINK_DISTANCE = 1e-2;
    private static final double KINK_GRID = 1e-3;
    private static final double SAMPLE_GRID = 0x1p-16;
    /** Relative tolerance where two computations of one value may round differently. */
    private static final double AGREEMENT = 1e-4;
    private static final int TRAINING_STEPS = 3;

    private Plugins plugins;

    /** The layer type under test, as it is discovered. */
    protected abstract LayerType layerType();

    /**
     * The hyperparameters the layers under test are created with, as a configuration gives
     * them (resolved against the type's declarations; required ones must be here). Default:
     * none, so every default applies.
     */
    protected Map<String, Object> hyperparameters() {
        return Map.of();
    }

    /**
     * Components by slot key; a slot with a default left out here gets its default plugin from
     * the class path ({@link Plugins#discover()}). Default: none.
     */
    protected Map<String, Component> components() {
        return Map.of();
    }

    /** Explicit arrays by slot key. Default: none. */
    protected Map<String, Matrix> arrays() {
        return Map.of();
    }

    /** The width of the inputs the layer is checked with (default 4). */
    protected int inputWidth() {
        return 4;
    }

    /**
     * The largest accepted gradient error relative to the row's largest derivative (default
     * {@value GradientCheck#DEFAULT_TOLERANCE}, for float32 layers).
     */
    protected double gradientTolerance() {
        return GradientCheck.DEFAULT_TOLERANCE;
    }

    /**
     * {@code false} at input values where the layer has a kink (relu: {@code x != 0}); random
     * inputs keep 1e-2 away from them, as {@link ActivationContract} samples do.
     */
    protected boolean isDifferentiableAt(double x) {
        return true;
    }

    /**
     * Moves every trainable parameter off its initial value before the checks (adds uniform
     * noise in [−0.5, 0.5]), so that zeros and ones initializers do not hide a wrong term.
     * Override for parameters with a narrower valid range.
     */
    protected void perturbParameters(List<Parameter> parameters, RandomGenerator random) {
        for (Parameter p : parameters) {
            float[] v = p.value().data();
            for (int i = 0; i < v.length; i++) {
                v[i] += (float) random.nextDouble(-0.5, 0.5);
            }
        }
    }

    // --- What ComponentContract needs -------------------------------------------------------

    @Override
    final LayerType component() {
        return layerType();
    }

    @Override
    final String kind() {
        return "layer type";
    }

    @Override
    final LayerType configure(LayerType component, Hyperparameters values) {
        return component.configure(values);
    }

    @Override
    final Map<String, Object> requiredValues() {
        Map<String, Object> required = new LinkedHashMap<>();
        for (Hyperparameter h : layerType().hyperparameters()) {
            if (h.presence() == Hyperparameter.Presence.REQUIRED && hyperparameters().containsKey(h.name())) {
                required.put(h.name(), hyperparameters().get(h.name()));
            }
        }
        return required;
    }

    @Override
    final List<Object> run(LayerType type, long seed) {
        return run(type, hyperparameters(), seed);
    }

    private List<Object> run(LayerType type, Map<String, Object> given, long seed) {
        Probe p = new Probe(type, given, seed, Kernels.portable());
        RandomGenerator random = new SplittableRandom(seed);
        Matrix x = input(random, 6);
        Matrix gradOut = Samples.uniform(random, 6, p.outputWidth, -1, 1);
        Probe.Training t = p.train(x, gradOut, seed + 1);
        List<Object> out = new ArrayList<>();
        out.add(t.output);
        out.add(t.gradInput);
        out.addAll(t.parameterGradients);
        out.add(p.infer(x));
        p.network.arrays().values().forEach(m -> out.add(m.copy()));
        return out;
    }

    /**
     * Layer types take their hyperparameters when they create a layer, so {@code configure}
     * keeps returning the shared instance; this check is replaced by
     * {@link #everyAcceptedValueCreatesAWorkingLayerAndLeavesTheTypeUnchanged()}.
     */
    @Override
    protected void configureGivesANewInstanceAndLeavesTheSharedOneUnchanged() {
    }

    // --- Layer checks ------------------------------------------------------------------------

    /** A layer created with each hyperparameter at another accepted value works, and the type keeps no state. */
    @Test
    protected void everyAcceptedValueCreatesAWorkingLayerAndLeavesTheTypeUnchanged() {
        LayerType type = layerType();
        List<Object> before = run(type, 5);
        for (Hyperparameter h : type.hyperparameters()) {
            Object other = acceptedOtherValue(h, hyperparameters().get(h.name()));
            if (other == null) {
                continue;
            }
            Map<String, Object> given = new LinkedHashMap<>(hyperparameters());
            given.put(h.name(), other);
            for (Object value : run(type, given, 5)) {
                if (value instanceof Matrix m) {
                    Samples.assertAllFinite(m, label(type) + " with " + h.name() + " = " + other);
                }
            }
        }
        assertEquals(before, run(type, 5), label(type) + ": creating layers with other values changed"
                + " what the shared type creates; a layer type must hold no mutable state");
    }

    /** dL/dinput matches finite differences of the training forward pass. */
    @Test
    protected void gradientWithRespectToTheInputMatchesFiniteDifferences() {
        for (int n : BATCH_SIZES) {
            Probe p = probe(Kernels.portable());
            RandomGenerator random = new SplittableRandom(100 + n);
            Matrix x = input(random, n);
            Matrix gradOut = Samples.uniform(random, n, p.outputWidth, -1, 1);
            long passSeed = 7 + n;
            Probe.Training t = p.train(x, gradOut, passSeed);
            GradientCheck.assertPasses(GradientCheck.compare(label(layerType()) + " (input, " + x.shape()
                            + " batch)", x, t.gradInput, in -> p.objective(in, gradOut, passSeed),
                    GradientCheck.DEFAULT_STEP, gradientTolerance(), this::isDifferentiableAt));
        }
    }

    /** The gradient of every trainable parameter matches finite differences. */
    @Test
    protected void gradientOfEveryTrainableParameterMatchesFiniteDifferences() {
        assumeFalse(probe(Kernels.portable()).network.parameters().isEmpty(), "has no trainable parameters");
        for (int n : BATCH_SIZES) {
            Probe p = probe(Kernels.portable());
            RandomGenerator random = new SplittableRandom(200 + n);
            Matrix x = input(random, n);
            Matrix gradOut = Samples.uniform(random, n, p.outputWidth, -1, 1);
            long passSeed = 9 + n;
            Probe.Training t = p.train(x, gradOut, passSeed);
            List<Parameter> parameters = p.network.parameters();
            for (int i = 0; i < parameters.size(); i++) {
                Parameter parameter = parameters.get(i);
                GradientCheck.assertPasses(GradientCheck.compare(label(layerType()) + " (parameter "
                                + parameter.name() + ", " + x.shape() + " batch)", parameter.value(),
                        t.parameterGradients.get(i), v -> p.objective(x, gradOut, passSeed),
                        GradientCheck.DEFAULT_STEP, gradientTolerance(), v -> true));
            }
        }
    }

    /** Inference twice gives bit-identical outputs and writes none of the network's arrays. */
    @Test
    protected void inferenceIsDeterministicAndWritesNoState() {
        Probe p = probe(Kernels.portable());
        p.trainSteps(new SplittableRandom(1));
        Matrix x = input(new SplittableRandom(2), 5);
        Map<String, Matrix> before = p.snapshot();
        Matrix first = p.infer(x);
        assertEquals(before, p.snapshot(), label(layerType()) + ": an inference pass changed the"
                + " network's arrays; inference must write only its output");
        assertEquals(first, p.infer(x), label(layerType()) + ": two inference passes on the same input"
                + " differ; inference must be a pure function of input and parameters");
    }

    /** An inference pass between a training forward and its backward leaves that backward unchanged. */
    @Test
    protected void inferenceInBetweenLeavesAPendingBackwardUnchanged() {
        RandomGenerator random = new SplittableRandom(3);
        Matrix x = input(random, 4);
        Matrix other = input(random, 4);
        Probe a = probe(Kernels.portable());
        Matrix gradOut = Samples.uniform(random, 4, a.outputWidth, -1, 1);
        Probe.Training expected = a.train(x, gradOut, 11);
        Probe b = probe(Kernels.portable());
        Probe.Training actual = b.train(x, gradOut, 11, () -> b.infer(other));
        assertEquals(expected.gradInput, actual.gradInput, label(layerType()) + ": an inference pass"
                + " between a training forward and its backward changed dL/dinput; inference must not"
                + " write the buffers a training pass keeps for its backward");
        assertEquals(expected.parameterGradients, actual.parameterGradients, label(layerType())
                + ": an inference pass in between changed the parameter gradients");
    }

    /** Inference from two threads at once gives what it gives from one. */
    @Test
    protected void inferenceFromTwoThreadsGivesTheSequentialResults() throws Exception {
        Probe p = probe(Kernels.portable());
        p.trainSteps(new SplittableRandom(4));
        int count = 2 * ITERATIONS_PER_THREAD;
        List<Matrix> inputs = new ArrayList<>();
        List<Matrix> expected = new ArrayList<>();
        RandomGenerator random = new SplittableRandom(5);
        for (int i = 0; i < count; i++) {
            inputs.add(input(random, 1 + i % 3));
            expected.add(p.infer(inputs.get(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    int differing = 0;
                    for (int i = offset; i < count; i += 2) {
                        if (!expected.get(i).equals(p.infer(inputs.get(i)))) {
                            differing++;
                        }
                    }
                    return differing;
                }));
            }
            start.countDown();
            int differing = 0;
            for (Future<Integer> f : futures) {
                differing += f.get(5, TimeUnit.MINUTES);
            }
            assertEquals(0, differing, label(layerType()) + ": inference from two threads at once gave "
                    + "other results than sequentially in " + differing + " of " + count + " passes; "
                    + "inference must keep no scratch data in fields");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Arrays copied out and back, or into a fresh network, give bit-identical inference. */
    @Test
    protected void arraysCopiedOutAndBackGiveIdenticalInference() {
        Probe p = probe(Kernels.portable());
        RandomGenerator random = new SplittableRandom(6);
        p.trainSteps(random);
        Matrix x = input(new SplittableRandom(7), 5);
        Map<String, Matrix> saved = p.snapshot();
        Matrix expected = p.infer(x);
        p.trainSteps(random);
        restore(p.network, saved);
        assertEquals(expected, p.infer(x), label(layerType()) + ": after more training, restoring the"
                + " network's arrays did not restore its inference; the layer keeps state outside the"
                + " arrays it declared through LayerContext (addWeight / addState)");
        Probe fresh = new Probe(layerType(), hyperparameters(), 999, Kernels.portable());
        restore(fresh.network, saved);
        assertEquals(expected, fresh.infer(x), label(layerType()) + ": a fresh network given the"
                + " arrays of a trained one infers differently; the layer keeps state outside the arrays"
                + " it declared through LayerContext (addWeight / addState)");
    }

    /** The same build and pass seeds give bit-identical training passes. */
    @Test
    protected void sameSeedsGiveBitIdenticalTraining() {
        RandomGenerator random = new SplittableRandom(8);
        Matrix x = input(random, 6);
        Probe a = probe(Kernels.portable());
        Probe b = probe(Kernels.portable());
        Matrix gradOut = Samples.uniform(random, 6, a.outputWidth, -1, 1);
        Probe.Training first = a.train(x, gradOut, 21);
        Probe.Training second = b.train(x, gradOut, 21);
        assertEquals(first.output, second.output, label(layerType()) + ": two networks built with the"
                + " same seed gave different training outputs for the same pass seed; draw random"
                + " numbers only from Pass.random()");
        assertEquals(first.gradInput, second.gradInput, label(layerType()) + ": same seeds, different dL/dinput");
        assertEquals(first.parameterGradients, second.parameterGradients,
                label(layerType()) + ": same seeds, different parameter gradients");
        assertEquals(first.output, a.train(x, gradOut, 21).output, label(layerType()) + ": the same"
                + " network gave a different training output for the same input and pass seed; draw"
                + " random numbers only from Pass.random(), and keep no step counters");
    }

    /** Inference of the rows one at a time equals inference of the whole batch. */
    @Test
    protected void inferenceOfSingleRowsEqualsInferenceOfTheBatch() {
        Probe p = probe(Kernels.portable());
        p.trainSteps(new SplittableRandom(9));
        Matrix x = input(new SplittableRandom(10), 7);
        Matrix batch = p.infer(x);
        for (int r = 0; r < x.rows(); r++) {
            Matrix row = Matrix.wrap(1, x.cols(), java.util.Arrays.copyOfRange(x.data(),
                    r * x.cols(), (r + 1) * x.cols()));
            Matrix single = p.infer(row);
            Matrix expectedRow = Matrix.wrap(1, batch.cols(), java.util.Arrays.copyOfRange(batch.data(),
                    r * batch.cols(), (r + 1) * batch.cols()));
            assertClose(expectedRow, single, label(layerType()) + ": inference of row " + r
                    + " alone differs from its row in a batch of " + x.rows()
                    + "; inference must treat each sample on its own");
        }
    }

    /** Portable and best kernels give the same training pass and inference, up to rounding. */
    @Test
    protected void portableAndBestKernelsAgree() {
        RandomGenerator random = new SplittableRandom(12);
        Matrix x = input(random, 8);
        Probe portable = probe(Kernels.portable());
        Probe best = probe(Kernels.best());
        Matrix gradOut = Samples.uniform(random, 8, portable.outputWidth, -1, 1);
        Probe.Training a = portable.train(x, gradOut, 31);
        Probe.Training b = best.train(x, gradOut, 31);
        String what = label(layerType()) + " on the portable kernels and on " + Kernels.best().getClass()
                .getSimpleName() + ": ";
        assertClose(a.output, b.output, what + "the training outputs differ");
        assertClose(a.gradInput, b.gradInput, what + "dL/dinput differs");
        for (int i = 0; i < a.parameterGradients.size(); i++) {
            assertClose(a.parameterGradients.get(i), b.parameterGradients.get(i), what + "the gradient of "
                    + portable.network.parameters().get(i).name() + " differs");
        }
        assertClose(portable.infer(x), best.infer(x), what + "inference differs");
    }

    /** Forward and backward write every element, in both modes, into outputs of the promised width. */
    @Test
    protected void forwardAndBackwardWriteEveryElementOfTheirOutputs() {
        Probe p = probe(Kernels.portable());
        assertEquals(p.outputWidth, p.layer.outputWidth(inputWidth()), label(layerType())
                + ": outputWidth must return the same width on every call");
        for (int n : new int[] {1, 5}) {
            RandomGenerator random = new SplittableRandom(13 + n);
            Matrix x = input(random, n);
            Matrix y = new Matrix(n, p.outputWidth).fill(Float.NaN);
            p.layer.forward(x, y, Pass.training(new SplittableRandom(1)));
            Samples.assertAllFinite(y, label(layerType()) + " training forward on a " + x.shape() + " batch");
            Matrix gradIn = new Matrix(n, inputWidth()).fill(Float.NaN);
            for (Parameter parameter : p.network.parameters()) {
                parameter.gradient().fill(Float.NaN);
            }
            p.layer.backward(x, y, Samples.uniform(random, n, p.outputWidth, -1, 1), gradIn);
            Samples.assertAllFinite(gradIn, label(layerType()) + " backward (dL/dinput) on a " + x.shape() + " batch");
            for (Parameter parameter : p.network.parameters()) {
                Samples.assertAllFinite(parameter.gradient(), label(layerType()) + " backward (gradient of "
                        + parameter.name() + ")");
            }
            Matrix inferred = new Matrix(n, p.outputWidth).fill(Float.NaN);
            p.layer.forward(x, inferred, Pass.inference());
            Samples.assertAllFinite(inferred, label(layerType()) + " inference forward on a " + x.shape() + " batch");
        }
    }

    /** Neither forward nor backward writes into its inputs. */
    @Test
    protected void forwardAndBackwardDoNotModifyTheirInputs() {
        Probe p = probe(Kernels.portable());
        RandomGenerator random = new SplittableRandom(17);
        Matrix x = input(random, 4);
        Matrix xCopy = x.copy();
        Matrix y = new Matrix(4, p.outputWidth);
        p.layer.forward(x, y, Pass.training(new SplittableRandom(2)));
        assertEquals(xCopy, x, label(layerType()) + ": the training forward pass modified its input");
        Matrix yCopy = y.copy();
        Matrix gradOut = Samples.uniform(random, 4, p.outputWidth, -1, 1);
        Matrix gradOutCopy = gradOut.copy();
        p.layer.backward(x, y, gradOut, new Matrix(4, inputWidth()));
        assertEquals(xCopy, x, label(layerType()) + ": backward modified the input");
        assertEquals(yCopy, y, label(layerType()) + ": backward modified the output");
        assertEquals(gradOutCopy, gradOut, label(layerType()) + ": backward modified dL/doutput");
        p.layer.forward(x, new Matrix(4, p.outputWidth), Pass.inference());
        assertEquals(xCopy, x, label(layerType()) + ": the inference forward pass modified its input");
    }

    /** Once a batch size has been seen, training and inference passes allocate nothing. */
    @Test
    protected void forwardAndBackwardAllocateNothingOnceBuffersExist() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean sun
                && sun.isThreadAllocatedMemorySupported() && sun.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count allocated bytes per thread");
        com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) bean;
        Probe p = probe(Kernels.portable());
        RandomGenerator random = new SplittableRandom(19);
        Matrix x = input(random, 8);
        Matrix gradOut = Samples.uniform(random, 8, p.outputWidth, -1, 1);
        Matrix y = new Matrix(8, p.outputWidth);
        Matrix z = p.activation == null ? y : new Matrix(8, p.outputWidth);
        Matrix gradZ = p.activation == null ? gradOut : new Matrix(8, p.outputWidth);
        Matrix gradIn = new Matrix(8, inputWidth());
        Matrix inferred = new Matrix(8, p.outputWidth);
        Pass training = Pass.training(new SplittableRandom(3));
        Pass inference = Pass.inference();
        int steps = 20;
        // The first round warms up buffers and classes; interpreted or partly compiled code may
        // still allocate in later ones, so the best of up to 10 rounds counts.
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 10 && allocated >= 16L * steps; round++) {
            long start = counter.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < steps; i++) {
                p.layer.forward(x, z, training);
                if (p.activation != null) {
                    p.activation.forward(z, y);
                    p.activation.backward(z, y, gradOut, gradZ);
                }
                p.layer.backward(x, z, gradZ, gradIn);
                p.layer.forward(x, inferred, inference);
            }
            long bytes = counter.getCurrentThreadAllocatedBytes() - start;
            allocated = round == 0 ? Long.MAX_VALUE : Math.min(allocated, bytes);
        }
        assertTrue(allocated < 16L * steps, label(layerType()) + " allocated " + allocated + " bytes in "
                + steps + " training and inference steps on a batch size it had seen; keep per-batch"
                + " buffers in BatchBuffers and allocate nothing in forward or backward");
    }

    // --- Helpers -----------------------------------------------------------------------------

    /** Random inputs in [−3, 3] on a 2⁻¹⁶ grid, more than 1e-2 from every declared kink. */
    Matrix input(RandomGenerator random, int rows) {
        Matrix x = new Matrix(rows, inputWidth());
        float[] data = x.data();
        for (int i = 0; i < data.length; i++) {
            data[i] = sample(random);
        }
        return x;
    }

    private float sample(RandomGenerator random) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            double v = Math.rint(random.nextDouble(-3, 3) / SAMPLE_GRID) * SAMPLE_GRID;
            if (awayFromKinks(v)) {
                return (float) v;
            }
        }
        return fail("isDifferentiableAt(x) rejects nearly every x in [-3, 3]; it must be false only at kinks");
    }

    private boolean awayFromKinks(double v) {
        if (!isDifferentiableAt(v)) {
            return false;
        }
        long first = (long) Math.ceil((v - KINK_DISTANCE) / KINK_GRID);
        long last = (long) Math.floor((v + KINK_DISTANCE) / KINK_GRID);
        for (long i = first; i <= last; i++) {
            if (!isDifferentiableAt(i / 1000.0)) {
                return false;
            }
        }
        return true;
    }

    private Probe probe(Kernels kernels) {
        return new Probe(layerType(), hyperparameters(), 42, kernels);
    }

    private static void restore(Network network, Map<String, Matrix> saved) {
        assertEquals(saved.keySet(), network.arrays().keySet(), "the networks hold different arrays");
        saved.forEach((name, value) -> network.arrays().get(name).copyFrom(value));
    }

    private static void assertClose(Matrix expected, Matrix actual, String message) {
        assertTrue(expected.hasShape(actual.rows(), actual.cols()), message + ": shapes " + expected.shape()
                + " and " + actual.shape());
        double scale = 1e-6;
        for (float v : expected.data()) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.data()[i];
            double a = actual.data()[i];
            if (!(Math.abs(e - a) <= AGREEMENT * Math.max(Math.abs(e), 1e-3 * scale))) {
                fail(message + ": element (" + i / expected.cols() + ", " + i % expected.cols() + ") is "
                        + a + ", expected " + e + " (relative tolerance " + AGREEMENT + ")");
            }
        }
    }

    /** An accepted value other than the given or default one, or {@code null} if none is found. */
    private static Object acceptedOtherValue(Hyperparameter h, Object given) {
        Object current = given != null ? given : h.defaultValue();
        if (h.type().isList() || h.type() == Hyperparameter.Type.STRING) {
            return null;
        }
        if (h.type() == Hyperparameter.Type.BOOLEAN) {
            return current == null ? Boolean.TRUE : !(Boolean) current;
        }
        double d = current == null ? (Double.isFinite(h.min()) ? h.min() : 0) : ((Number) current).doubleValue();
        double[] candidates = {d * 2, d / 2, d + 1, d - 1, d + 0.5, (h.min() + d) / 2, (d + h.max()) / 2};
        for (double v : candidates) {
            if (h.type() == Hyperparameter.Type.INTEGER) {
                v = Math.rint(v);
            }
            if (Double.isFinite(v) && (current == null || v != d) && h.inRange(v)) {
                return h.type() == Hyperparameter.Type.INTEGER ? (Object) (long) v : (Object) v;
            }
        }
        return null;
    }

    private synchronized Plugins plugins() {
        if (plugins == null) {
            plugins = Plugins.discover();
        }
        return plugins;
    }

    /** One layer of the type under test, built alone in a network. */
    private final class Probe {
        final Layer layer;
        final Activation activation;
        final Network network;
        final int outputWidth;

        Probe(LayerType type, Map<String, Object> given, long seed, Kernels kernels) {
            String name = type.name() + "_1";
            Hyperparameters values = Hyperparameters.resolve(label(type), type.hyperparameters(), given);
            Map<String, Component> instances = new LinkedHashMap<>();
            for (LayerType.ComponentSlot slot : type.components()) {
                Component c = components().get(slot.key());
                if (c == null && slot.defaultName() != null) {
                    c = plugins().catalog(LayerSpec.kindOf(slot.type())).get(slot.defaultName());
                }
                if (c != null) {
                    instances.put(slot.key(), c);
                }
            }
            layer = type.create(new LayerArguments(name, values, instances, arrays()));
            assertNotNull(layer, label(type) + " created a null layer");
            assertEquals(name, layer.name(), label(type) + ": the layer must take the name it is given");
            assertEquals(type.name(), layer.type(), label(type) + ": the layer's type() must be the type's name");
            network = Network.builder(inputWidth()).add(layer).seed(seed).kernels(kernels).build();
            outputWidth = network.outputSize();
            activation = layer.activation();
            perturbParameters(network.parameters(), new SplittableRandom(seed ^ 0x5DEECE66DL));
        }

        /** A training forward pass and its backward pass. */
        Training train(Matrix x, Matrix gradOut, long passSeed) {
            return train(x, gradOut, passSeed, () -> { });
        }

        Training train(Matrix x, Matrix gradOut, long passSeed, Runnable inBetween) {
            int n = x.rows();
            Matrix z = new Matrix(n, outputWidth);
            layer.forward(x, z, Pass.training(new SplittableRandom(passSeed)));
            Matrix y = z;
            Matrix gradZ = gradOut;
            if (activation != null) {
                y = new Matrix(n, outputWidth);
                activation.forward(z, y);
                gradZ = new Matrix(n, outputWidth);
                activation.backward(z, y, gradOut, gradZ);
            }
            inBetween.run();
            Matrix gradInput = new Matrix(n, inputWidth());
            layer.backward(x, z, gradZ, gradInput);
            List<Matrix> gradients = new ArrayList<>();
            for (Parameter p : network.parameters()) {
                gradients.add(p.gradient().copy());
            }
            return new Training(y.copy(), gradInput, gradients);
        }

        /** {@code Σ gradOut ⊙ output(x)} of a training pass seeded with {@code passSeed}. */
        double objective(Matrix x, Matrix gradOut, long passSeed) {
            Matrix z = new Matrix(x.rows(), outputWidth);
            layer.forward(x, z, Pass.training(new SplittableRandom(passSeed)));
            if (activation != null) {
                Matrix y = new Matrix(x.rows(), outputWidth);
                activation.forward(z, y);
                z = y;
            }
            return GradientCheck.dot(gradOut, z);
        }

        /** A few plain gradient steps, which also move any moving statistics. */
        void trainSteps(RandomGenerator random) {
            for (int step = 0; step < TRAINING_STEPS; step++) {
                Matrix x = input(random, 6);
                Matrix gradOut = Samples.uniform(random, 6, outputWidth, -1, 1);
                train(x, gradOut, random.nextLong());
                for (Parameter p : network.parameters()) {
                    float[] v = p.value().data();
                    float[] g = p.gradient().data();
                    for (int i = 0; i < v.length; i++) {
                        v[i] -= 0.1f * g[i];
                    }
                }
            }
        }

        /** Inference through the layer and its activation, as a new matrix. */
        Matrix infer(Matrix x) {
            Matrix z = new Matrix(x.rows(), outputWidth);
            layer.forward(x, z, Pass.inference());
            if (activation == null) {
                return z;
            }
            Matrix y = new Matrix(x.rows(), outputWidth);
            activation.forward(z, y);
            return y;
        }

        Map<String, Matrix> snapshot() {
            Map<String, Matrix> copy = new LinkedHashMap<>();
            network.arrays().forEach((k, v) -> copy.put(k, v.copy()));
            return copy;
        }

        record Training(Matrix output, Matrix gradInput, List<Matrix> parameterGradients) {
        }
    }
}
