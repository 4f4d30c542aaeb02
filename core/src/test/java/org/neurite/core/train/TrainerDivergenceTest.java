package org.neurite.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neurite.core.data.Dataset;
import org.neurite.core.network.Network;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;
import org.neurite.core.testplugins.TestAccuracy;
import org.neurite.core.testplugins.TestCrossentropy;
import org.neurite.core.testplugins.TestSgd;
import org.neurite.core.testplugins.TestSoftmax;
import org.neurite.core.testplugins.TestTanh;

/**
 * Divergence after an update and non-finite data: the parameters kept are the last finite ones,
 * exactly, and NaN or infinite inputs are reported rather than scored.
 */
class TrainerDivergenceTest {
    private static Network network(long seed) {
        return Network.builder(2).dense(4, new TestTanh()).dense(2, null)
                .activation(new TestSoftmax()).seed(seed).build();
    }

    private static Optimizer sgd(double lr, double momentum) {
        return new TestSgd().configure(Hyperparameters.resolve("sgd", new TestSgd().hyperparameters(),
                Map.of("learning_rate", lr, "momentum", momentum)));
    }

    private static Dataset blobs(int n) {
        SplittableRandom r = new SplittableRandom(3);
        Matrix x = new Matrix(n, 2);
        Matrix y = new Matrix(n, 2);
        for (int i = 0; i < n; i++) {
            x.set(i, 0, (float) (i % 2 * 2 - 1 + r.nextGaussian() * 0.3));
            x.set(i, 1, (float) r.nextGaussian());
            y.set(i, i % 2, 1);
        }
        return new Dataset(x, y);
    }

    private static List<float[]> values(Network net) {
        List<float[]> out = new ArrayList<>();
        net.parameters().forEach(p -> out.add(p.value().data().clone()));
        return out;
    }

    private static void assertBitIdentical(List<float[]> expected, List<float[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            for (int j = 0; j < expected.get(i).length; j++) {
                assertEquals(Float.floatToRawIntBits(expected.get(i)[j]), Float.floatToRawIntBits(actual.get(i)[j]),
                        "array " + i + " [" + j + "]");
            }
        }
    }

    @Test
    void anUpdateThatMakesTheWeightsInfiniteStopsAtOnceKeepingTheWeightsBeforeIt() {
        Network net = network(4);
        List<float[]> initial = values(net);
        Trainer t = new Trainer(net, new TestCrossentropy(), sgd(1e308, 0), List.of());

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> t.fit(blobs(8), FitOptions.builder().verbose(0).seed(1L).epochs(5).batchSize(8).build()));

        assertTrue(e.getMessage().matches("Training diverged at epoch 1, batch 1 of 1: the update made "
                + "dense_1/kernel NaN or infinite \\(the batch's loss before it was [0-9.]+\\); no finite loss was "
                + "computed before it\\. The parameters are those before this batch's update\\..*"), e.getMessage());
        assertEquals(1, e.epoch());
        assertBitIdentical(initial, values(net));
        net.parameters().forEach(p -> assertTrue(p.value().isFinite(), p.name()));
        assertEquals(0, t.updater().iterations());
        assertEquals(0, t.history().epochs());
    }

    /** test_sgd, except that its step number {@code corruptAt} writes an infinity into the first weight. */
    private static final class Corrupting implements Optimizer {
        final long corruptAt;
        final List<float[]> before = new ArrayList<>();
        final List<float[]> stateBefore = new ArrayList<>();

        Corrupting(long corruptAt) {
            this.corruptAt = corruptAt;
        }

        @Override
        public String name() {
            return "corrupting";
        }

        @Override
        public List<Hyperparameter> hyperparameters() {
            return List.of();
        }

        @Override
        public Updater start(List<Parameter> parameters) {
            Updater sgd = sgd(0.1, 0.9).start(parameters);
            return new Updater() {
                @Override
                public void step() {
                    if (sgd.iterations() == corruptAt && before.isEmpty()) {
                        parameters.forEach(p -> before.add(p.value().data().clone()));
                        sgd.state().values().forEach(m -> stateBefore.add(m.data().clone()));
                        sgd.step();
                        parameters.get(2).value().data()[1] = Float.POSITIVE_INFINITY;
                    } else {
                        sgd.step();
                    }
                }

                @Override
                public long iterations() {
                    return sgd.iterations();
                }

                @Override
                public void setIterations(long iterations) {
                    sgd.setIterations(iterations);
                }

                @Override
                public Map<String, Matrix> state() {
                    return sgd.state();
                }
            };
        }
    }

    @Test
    void divergenceLaterInAnEpochRestoresExactlyTheParametersAndOptimizerStateBeforeThatUpdate() {
        Network net = network(6);
        Corrupting optimizer = new Corrupting(5);   // epoch 2 (4 batches each), its second batch
        Trainer t = new Trainer(net, new TestCrossentropy(), optimizer, List.of(new TestAccuracy()));

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> t.fit(blobs(16), FitOptions.builder().verbose(0).seed(9L).epochs(3).batchSize(4).build()));

        assertTrue(e.getMessage().startsWith("Training diverged at epoch 2, batch 2 of 4: the update made "
                + "dense_2/kernel NaN or infinite"), e.getMessage());
        assertBitIdentical(optimizer.before, values(net));
        List<float[]> state = new ArrayList<>();
        t.updater().state().values().forEach(m -> state.add(m.data().clone()));
        assertBitIdentical(optimizer.stateBefore, state);
        assertEquals(5, t.updater().iterations());
        assertEquals(1, t.history().epochs(), "the completed first epoch stays in the history");
    }

    @Test
    void evaluatingOrPredictingNonFiniteInputsIsRefusedNotScored() {
        Network net = network(2);
        Trainer t = new Trainer(net, new TestCrossentropy(), sgd(0.1, 0), List.of(new TestAccuracy()));
        Dataset data = blobs(6);
        data.x().set(4, 1, Float.NaN);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.evaluate(data, 4));
        assertTrue(e.getMessage().startsWith("found NaN in the evaluation data's inputs at row 4, column 1"), e.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class, () -> net.predict(data.x()));
        assertTrue(p.getMessage().startsWith("found NaN in the input at row 4, column 1"), p.getMessage());

        Dataset targets = blobs(6);
        targets.y().set(2, 0, Float.POSITIVE_INFINITY);
        IllegalArgumentException y = assertThrows(IllegalArgumentException.class, () -> t.evaluate(targets, 4));
        assertTrue(y.getMessage().startsWith("found Infinity in the evaluation data's targets at row 2, column 0"),
                y.getMessage());
    }
}
