package org.neurite.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.data.Dataset;

/**
 * One model shared by many threads: predict and evaluate give bit-identical results to
 * single-threaded calls, and training while others predict is refused, never silently wrong.
 */
class ModelConcurrencyTest {
    private static final Plugins PLUGINS = Plugins.discover();
    private static final String YAML = """
            input_shape: [8]
            layers:
              - {type: dense, units: 96, activation: test_tanh}
              - {type: dense, units: 64, activation: test_tanh}
              - {type: dense, units: 3}
              - {type: activation, activation: test_softmax}
            loss: test_crossentropy
            optimizer: {name: test_sgd, learning_rate: 0.05}
            metrics: [accuracy]
            training: {epochs: 2, batch_size: 16, shuffle: true, seed: 3, verbose: 0}
            """;
    private static final int THREADS = 8;

    private static Model model() {
        return new ModelAssembler(PLUGINS).assemble(new ConfigReader(PLUGINS).parse(YAML, "concurrent.yaml"));
    }

    private static Dataset data(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Matrix x = new Matrix(n, 8);
        Matrix y = new Matrix(n, 3);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 8; c++) {
                x.set(i, c, (float) r.nextGaussian());
            }
            y.set(i, r.nextInt(3), 1);
        }
        return new Dataset(x, y);
    }

    private static void assertBitIdentical(Matrix expected, Matrix actual, String what) {
        assertEquals(expected.shape(), actual.shape(), what);
        for (int i = 0; i < expected.size(); i++) {
            if (Float.floatToRawIntBits(expected.data()[i]) != Float.floatToRawIntBits(actual.data()[i])) {
                throw new AssertionError(what + "[" + i + "]: " + expected.data()[i] + " vs " + actual.data()[i]);
            }
        }
    }

    @Test
    void eightThreadsPredictingAndEvaluatingWithRandomBatchSizesGetTheSingleThreadedAnswers() throws Exception {
        Model model = model();
        model.fit(data(64, 1));
        List<Matrix> inputs = new ArrayList<>();
        List<Matrix> expected = new ArrayList<>();
        SplittableRandom sizes = new SplittableRandom(7);
        for (int i = 0; i < 24; i++) {
            Matrix x = data(1 + sizes.nextInt(80), 100 + i).x();
            inputs.add(x);
            expected.add(model.predict(x));
        }
        Dataset held = data(50, 99);
        Map<String, Double> evaluation = model.evaluate(held);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            long seed = t;
            results.add(pool.submit(() -> {
                SplittableRandom r = new SplittableRandom(seed);
                start.await();
                int checked = 0;
                for (int call = 0; call < 200; call++) {
                    int k = r.nextInt(inputs.size());
                    assertBitIdentical(expected.get(k), model.predict(inputs.get(k)), "batch " + k);
                    if (call % 50 == 0) {
                        assertEquals(evaluation, model.evaluate(held));
                    }
                    checked++;
                }
                return checked;
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> f : results) {
            total += f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(THREADS * 200, total);
    }

    @Test
    void predictingWhileAnotherThreadTrainsIsRefusedOrGivesTheAnswerOfOneConsistentSetOfWeights() throws Exception {
        Model model = model();
        Matrix x = data(20, 5).x();
        Matrix before = model.predict(x);
        AtomicBoolean training = new AtomicBoolean(true);
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        List<Matrix> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch running = new CountDownLatch(3);
        List<Future<?>> predictors = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            predictors.add(pool.submit(() -> {
                running.countDown();
                while (training.get()) {
                    try {
                        answers.add(model.predict(x));
                        answered.incrementAndGet();
                    } catch (IllegalStateException e) {
                        assertTrue(e.getMessage().startsWith("cannot predict while this model is being trained"),
                                e.getMessage());
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        running.await();
        try {
            model.fit(data(256, 2), model.fitOptions().epochs(15).build());
        } finally {
            training.set(false);
        }
        for (Future<?> f : predictors) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        Matrix after = model.predict(x);

        assertTrue(refused.get() > 0, "predictions overlapping training are refused (" + answered + " answered)");
        for (Matrix answer : answers) {
            boolean same = true;
            boolean next = true;
            for (int i = 0; i < answer.size(); i++) {
                same &= Float.floatToRawIntBits(answer.data()[i]) == Float.floatToRawIntBits(before.data()[i]);
                next &= Float.floatToRawIntBits(answer.data()[i]) == Float.floatToRawIntBits(after.data()[i]);
            }
            assertTrue(same || next, "an answer is from the weights before or after training, never a mix");
        }
    }

    @Test
    void twoThreadsCannotTrainOneModelAndSavingDuringTrainingIsRefused() throws Exception {
        Model model = model();
        CountDownLatch inFit = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> first = pool.submit(() -> model.fit(data(32, 4), model.fitOptions().epochs(1)
                .listener(new org.neurite.core.train.TrainingListener() {
                    @Override
                    public void onEpochBegin(org.neurite.core.train.Training t, int epoch) {
                        inFit.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }).build()));
        inFit.await();
        try {
            IllegalStateException second = assertThrows(IllegalStateException.class, () -> model.fit(data(8, 4)));
            assertTrue(second.getMessage().startsWith("this model is already being trained by another thread"),
                    second.getMessage());
            IllegalStateException save = assertThrows(IllegalStateException.class,
                    () -> model.save(java.nio.file.Files.createTempFile("neurite", ".neurite")));
            assertTrue(save.getMessage().startsWith("cannot save while this model is being trained"), save.getMessage());
            assertThrows(IllegalStateException.class, () -> model.evaluate(data(8, 4)));
        } finally {
            release.countDown();
        }
        first.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        assertEquals(1, model.history().epochs());
        model.predict(data(4, 4).x());
    }
}
