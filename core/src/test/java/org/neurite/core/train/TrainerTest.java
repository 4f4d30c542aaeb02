package org.neurite.core.train;

import org.neurite.core.data.Dataset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.neurite.core.network.Network;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;
import org.neurite.core.testplugins.TestAccuracy;
import org.neurite.core.testplugins.TestCrossentropy;
import org.neurite.core.testplugins.TestMse;
import org.neurite.core.testplugins.TestSgd;
import org.neurite.core.testplugins.TestSoftmax;
import org.neurite.core.testplugins.TestTanh;

class TrainerTest {

    private static Dataset blobs(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Matrix x = new Matrix(n, 2);
        Matrix y = new Matrix(n, 2);
        for (int i = 0; i < n; i++) {
            int c = i % 2;
            x.set(i, 0, (float) (c * 2 - 1 + r.nextGaussian() * 0.3));
            x.set(i, 1, (float) (r.nextGaussian() * 0.3));
            y.set(i, c, 1);
        }
        return new Dataset(x, y);
    }

    private static Network network(long seed) {
        return Network.builder(2).dense(4, new TestTanh()).dense(2, null)
                .activation(new TestSoftmax()).seed(seed).build();
    }

    private static Optimizer sgd(double lr, double momentum) {
        return new TestSgd().configure(Hyperparameters.resolve("sgd", new TestSgd().hyperparameters(),
                Map.of("learning_rate", lr, "momentum", momentum)));
    }

    private static FitOptions.Builder quiet() {
        return FitOptions.builder().verbose(0).seed(5L);
    }

    @Test
    void softmaxFollowedByCrossEntropyIsFused() {
        assertTrue(new Trainer(network(1), new TestCrossentropy(), sgd(0.1, 0), List.of()).isFused());
        assertTrue(!new Trainer(network(1), new TestMse(), sgd(0.1, 0), List.of()).isFused());
    }

    @Test
    void trainingReducesTheLossAndReachesFullAccuracy() {
        Trainer t = new Trainer(network(1), new TestCrossentropy(), sgd(0.5, 0.5), List.of(new TestAccuracy()));
        History h = t.fit(blobs(64, 2), quiet().epochs(60).batchSize(16).build());
        assertEquals(60, h.epochs());
        assertTrue(h.last("loss") < h.get("loss").get(0) / 4, h.get("loss").toString());
        assertEquals(1.0, h.last("accuracy"));
    }

    @Test
    void epochLossIsTheSampleWeightedMeanOfBatchLossesBeforeEachUpdate() {
        // An optimizer that never moves the weights: every batch sees the same parameters, so
        // the epoch's loss must equal the loss of the whole data set, even with a short last batch.
        Optimizer frozen = mock(Optimizer.class);
        when(frozen.start(anyList())).thenReturn(mock(Optimizer.Updater.class));
        Dataset data = blobs(10, 3);
        Trainer t = new Trainer(network(2), new TestCrossentropy(), frozen, List.of(new TestAccuracy()));
        History h = t.fit(data, quiet().epochs(1).batchSize(4).build());
        Map<String, Double> whole = t.evaluate(data, 10);
        assertEquals(whole.get("loss"), h.last("loss"), 1e-6);
        assertEquals(whole.get("accuracy"), h.last("accuracy"), 1e-12);
    }

    @Test
    void theOptimizerStepsOncePerBatchAfterTheGradientsAreComputed() {
        Optimizer optimizer = mock(Optimizer.class);
        Optimizer.Updater updater = mock(Optimizer.Updater.class);
        when(optimizer.start(anyList())).thenReturn(updater);
        TrainingListener listener = mock(TrainingListener.class);
        Trainer t = new Trainer(network(3), new TestCrossentropy(), optimizer, List.of());
        t.fit(blobs(10, 4), quiet().epochs(2).batchSize(4).listener(listener).build());
        verify(optimizer, times(1)).start(anyList());
        verify(updater, times(6)).step();
        InOrder order = inOrder(listener, updater);
        order.verify(listener).onTrainBegin(any());
        order.verify(listener).onEpochBegin(any(), org.mockito.ArgumentMatchers.eq(0));
        order.verify(listener).onBatchBegin(any(), org.mockito.ArgumentMatchers.eq(0), org.mockito.ArgumentMatchers.eq(0));
        order.verify(updater).step();
        order.verify(listener).onBatchEnd(any(), org.mockito.ArgumentMatchers.eq(0), org.mockito.ArgumentMatchers.eq(0),
                org.mockito.ArgumentMatchers.anyDouble());
        order.verify(listener).onEpochEnd(any(), org.mockito.ArgumentMatchers.eq(0), any());
        order.verify(listener).onTrainEnd(any(), any());
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsAndHistory() {
        List<Object> first = run(11);
        List<Object> second = run(11);
        assertEquals(first, second);
        assertNotEquals(first, run(12), "a different shuffling seed changes the run");
    }

    private static List<Object> run(long seed) {
        Network net = network(7);
        Trainer t = new Trainer(net, new TestCrossentropy(), sgd(0.3, 0.9), List.of(new TestAccuracy()));
        History h = t.fit(blobs(30, 8), FitOptions.builder().verbose(0).seed(seed).epochs(5).batchSize(8).build());
        List<Object> out = new ArrayList<>(List.of(h.asMap()));
        net.parameters().forEach(p -> out.add(p.value()));
        return out;
    }

    @Test
    void divergenceStopsWithEpochBatchAndLastFiniteLoss() {
        Dataset data = new Dataset(Matrix.of(new float[][] {{1e3f, -1e3f}, {2e3f, 5e2f}}),
                Matrix.of(new float[][] {{1e4f, 0}, {0, 1e4f}}));
        Network plain = Network.builder(2).dense(2, null).seed(1).build();
        Trainer exploding = new Trainer(plain, new TestMse(), sgd(1e4, 0), List.of());
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> exploding.fit(data, quiet().epochs(50).batchSize(2).build()));
        assertTrue(e.getMessage().matches("Training diverged at epoch \\d+, batch 1 of 1: the (loss is (NaN|Infinity)"
                + "|gradient of dense_1/(kernel|bias) contains NaN or infinite values|update made dense_1/(kernel|bias) NaN "
                + "or infinite \\(the batch's loss before it was [0-9.E+-]+\\)); the last finite loss was "
                + "[0-9.E+-]+\\. The parameters are those before this batch's update\\..*"), e.getMessage());
        assertTrue(e.epoch() > 1);
        assertEquals(1, e.batch());
        assertEquals(e.epoch() - 1, exploding.history().epochs(), "the epochs before the failing one are kept");
        assertTrue(exploding.history().get("loss").stream().allMatch(Double::isFinite), exploding.history().get("loss").toString());
    }

    @Test
    void nonFiniteInputIsRefusedBeforeTraining() {
        Trainer t = new Trainer(network(4), new TestCrossentropy(), sgd(0.1, 0), List.of());
        Dataset data = new Dataset(Matrix.of(new float[][] {{Float.NaN, 0}, {1, 1}}),
                Matrix.of(new float[][] {{1, 0}, {0, 1}}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.fit(data, quiet().epochs(1).shuffle(false).build()));
        assertEquals("found NaN in the training data's inputs at row 0, column 0; only finite values can be "
                + "predicted, evaluated or trained on. Remove or impute the non-finite values first.", e.getMessage());
        assertEquals(0, t.updater().iterations(), "refused before any step");
    }

    @Test
    void validationSplitHoldsOutTheLastSamplesAndLogsValidationMetrics() {
        Trainer t = new Trainer(network(5), new TestCrossentropy(), sgd(0.3, 0), List.of(new TestAccuracy()));
        Dataset data = blobs(40, 9);
        History h = t.fit(data, quiet().epochs(3).validationSplit(0.25).build());
        assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy"), List.copyOf(h.asMap().keySet()));
        Map<String, Double> held = t.evaluate(data.rows(30, 40), 32);
        assertEquals(held.get("loss"), h.last("val_loss"), 1e-9);
    }

    @Test
    void earlyStoppingStopsAfterPatienceAndRestoresTheBestWeights() {
        Network net = network(6);
        EarlyStopping stopping = new EarlyStopping("loss", 0, 2, true);
        List<float[]> weightsPerEpoch = new ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void onEpochEnd(Training training, int epoch, Map<String, Double> logs) {
                weightsPerEpoch.add(net.parameters().get(0).value().data().clone());
            }
        };
        // A learning rate far too large makes the loss bounce, so it stops improving quickly.
        Trainer t = new Trainer(net, new TestCrossentropy(), sgd(40, 0.9), List.of());
        History h = t.fit(blobs(32, 10), quiet().epochs(200).listener(recorder).listener(stopping).build());
        assertTrue(h.epochs() < 200, "stopped early after " + h.epochs());
        assertEquals(h.epochs() - 1, stopping.stoppedEpoch());
        assertEquals(2, stopping.stoppedEpoch() - stopping.bestEpoch(), "patience 2 epochs after the best");
        double best = h.get("loss").stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertEquals(best, h.get("loss").get(stopping.bestEpoch()));
        // The logged loss of epoch e is computed before its last update; the weights saved at
        // the end of the best epoch are what restore_best_weights puts back.
        assertEquals(Matrix.wrap(2, 4, weightsPerEpoch.get(stopping.bestEpoch())), net.parameters().get(0).value());
    }

    @Test
    void verboseTwoPrintsTheSeedAndOneLinePerLoggedEpoch() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Trainer t = new Trainer(network(1), new TestCrossentropy(), sgd(0.1, 0), List.of(new TestAccuracy()));
        t.fit(blobs(8, 1), FitOptions.builder().epochs(10).seed(42L).verbose(2).logEvery(5)
                .out(new PrintStream(bytes, true)).build());
        String[] lines = bytes.toString().split("\n");
        assertEquals("Training 10 epochs, 1 batches each, seed 42", lines[0]);
        assertEquals(4, lines.length, bytes.toString());
        assertTrue(lines[1].matches("Epoch 1/10 - \\d+ms - loss: \\d\\.\\d{4} - accuracy: \\d\\.\\d{4}"), lines[1]);
        assertTrue(lines[2].startsWith("Epoch 5/10"), lines[2]);
        assertTrue(lines[3].startsWith("Epoch 10/10"), lines[3]);
    }

    @Test
    void targetsOfTheWrongWidthAreRefusedWithBothWidths() {
        Trainer t = new Trainer(network(1), new TestCrossentropy(), sgd(0.1, 0), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.fit(new Dataset(new Matrix(4, 2), new Matrix(4, 3)), quiet().build()));
        assertEquals("the training data has 3 target columns but loss 'test_crossentropy' on 2 outputs needs 2",
                e.getMessage());
    }

    @Test
    void computeGradientsGivesTheGradientsOfAFitStepWithoutUpdating() {
        Dataset data = blobs(12, 6);
        Network fitted = network(9);
        new Trainer(fitted, new TestCrossentropy(), sgd(0.5, 0), List.of())
                .fit(data, quiet().epochs(1).batchSize(12).shuffle(false).build());

        Network manual = network(9);
        Trainer trainer = new Trainer(manual, new TestCrossentropy(), sgd(0.5, 0), List.of());
        Matrix before = manual.parameters().get(0).value().copy();
        double loss = trainer.computeGradients(data.x(), data.y(), List.of());
        assertEquals(before, manual.parameters().get(0).value(), "no update");
        assertEquals(trainer.evaluate(data, 12).get("loss"), loss, 1e-12);
        for (Parameter p : manual.parameters()) {
            float[] w = p.value().data();
            float[] g = p.gradient().data();
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (0.0 * w[i] - 0.5 * g[i]) + w[i];
            }
        }
        for (int i = 0; i < fitted.parameters().size(); i++) {
            assertEquals(fitted.parameters().get(i).value(), manual.parameters().get(i).value());
        }
    }

    @Test
    void aTrainingStepAllocatesNothingOnceBuffersExist() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Network net = Network.builder(2).dense(16, new TestTanh()).dense(2, null)
                .activation(new TestSoftmax()).seed(1).build();
        Optimizer plain = new Optimizer() {
            @Override
            public String name() {
                return "plain";
            }

            @Override
            public Updater start(List<Parameter> parameters) {
                return new Updater() {
                    @Override
                    public void step() {
                        for (int k = 0; k < parameters.size(); k++) {
                            float[] w = parameters.get(k).value().data();
                            float[] g = parameters.get(k).gradient().data();
                            for (int i = 0; i < w.length; i++) {
                                w[i] -= 0.01f * g[i];
                            }
                        }
                    }

                    @Override
                    public long iterations() {
                        return 0;
                    }

                    @Override
                    public void setIterations(long iterations) {
                    }

                    @Override
                    public Map<String, Matrix> state() {
                        return Map.of();
                    }
                };
            }
        };
        Trainer t = new Trainer(net, new TestCrossentropy(), plain, List.of(new TestAccuracy()));
        Dataset data = blobs(1000, 3);
        FitOptions hundredSteps = quiet().epochs(5).batchSize(10).build();
        FitOptions twoHundredSteps = quiet().epochs(5).batchSize(5).build();
        for (int i = 0; i < 10; i++) { // warm up: buffers for both batch sizes, JIT
            t.fit(data, hundredSteps);
            t.fit(data, twoHundredSteps);
        }
        // Same epochs (same per-epoch bookkeeping: logs, history, shuffling generator), 500 more
        // steps: any per-step allocation, even one small object, shows up as ≥ 8000 bytes. The
        // best of five pairs keeps one-off JIT activity out of the figure.
        long best = Long.MAX_VALUE;
        String detail = "";
        for (int attempt = 0; attempt < 5; attempt++) {
            long start = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            t.fit(data, hundredSteps);
            long middle = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            t.fit(data, twoHundredSteps);
            long end = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            long extraForSteps = (end - middle) - (middle - start);
            if (extraForSteps < best) {
                best = extraForSteps;
                detail = "500 steps: " + (middle - start) + " bytes, 1000 steps: " + (end - middle);
            }
        }
        assertTrue(best < 2_000, "500 extra steps allocated " + best + " bytes (" + detail + ")");
    }
}
