package org.neurite.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurite.core.network.Network;
import org.neurite.core.plugin.PluginKind;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.spi.CallbackType;
import org.neurite.core.spi.HyperparameterException;
import org.neurite.core.train.Training;
import org.neurite.core.train.TrainingListener;

/**
 * {@code reduce_lr_on_plateau} over scripted sequences of the monitored value, against learning
 * rates worked out by hand from Keras 3's {@code ReduceLROnPlateau.on_epoch_end} (the rate held
 * as float32, as Keras's optimizer variable holds it).
 */
class ReduceLrOnPlateauTest {
    private static final Plugins PLUGINS = Plugins.discover();

    /** A training run that only holds a learning rate, as Keras's optimizer.learning_rate. */
    private static final class Script implements Training {
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        double learningRate;
        final boolean schedule;

        Script(double learningRate, boolean schedule) {
            this.learningRate = learningRate;
            this.schedule = schedule;
        }

        @Override public Network network() { return null; }
        @Override public int epochs() { return 100; }
        @Override public int batchesPerEpoch() { return 1; }
        @Override public PrintStream out() { return out; }
        @Override public long seed() { return 0; }
        @Override public boolean higherIsBetter(String key) { return key.endsWith("accuracy"); }
        @Override public void stop() { }
        @Override public double learningRate() { return learningRate; }

        @Override
        public void setLearningRate(double rate) {
            if (schedule) {
                throw new IllegalStateException("the learning rate is the schedule 'cosine_decay'");
            }
            learningRate = rate;
        }

        /** The rate after each epoch's end, the monitored key taking {@code values} in turn. */
        List<Double> run(TrainingListener listener, String key, double... values) {
            listener.onTrainBegin(this);
            List<Double> rates = new ArrayList<>();
            for (int e = 0; e < values.length; e++) {
                Map<String, Double> logs = new java.util.LinkedHashMap<>();
                logs.put(key, values[e]);
                logs.put("learning_rate", learningRate);
                listener.onEpochEnd(this, e, logs);
                rates.add(learningRate);
            }
            return rates;
        }
    }

    private static TrainingListener listener(Map<String, ?> values) {
        var catalog = PLUGINS.catalog(PluginKind.CALLBACK);
        return ((CallbackType) catalog.create("reduce_lr_on_plateau", values)).start(file -> { });
    }

    @Test
    void patienceCooldownAndTheFloorFollowKerasEpochByEpoch() {
        Script script = new Script(0.1, false);
        List<Double> rates = script.run(listener(Map.of("factor", 0.5, "patience", 2L, "cooldown", 1L,
                "min_delta", 0.01, "min_lr", 0.02, "verbose", 1L)), "val_loss",
                1.00,   // e0: best inf → 1.00
                0.995,  // e1: not below 1.00 − 0.01: wait 1
                0.98,   // e2: below 0.99: best 0.98, wait 0
                0.975,  // e3: wait 1
                0.99,   // e4: wait 2 = patience: lr 0.1f → 0.05, cooldown 1
                0.5,    // e5: cooldown ends (counter 0, wait 0); 0.5 improves: best 0.5
                0.6,    // e6: wait 1
                0.6,    // e7: wait 2: lr → 0.025, cooldown 1
                0.6,    // e8: cooldown ends and, out of it now, wait 1 in the same epoch
                0.6,    // e9: wait 2: 0.0125 is below min_lr: lr → 0.02
                0.6,    // e10: cooldown ends, wait 1
                0.6,    // e11: wait 2, but lr 0.02f is not above min_lr 0.02f: unchanged
                0.6);   // e12: wait 3, unchanged
        double f01 = 0.1;                  // as given, until the first reduction reads it as float32
        double f005 = (float) ((double) 0.1f * 0.5);
        double f0025 = (float) (f005 * 0.5);
        double f002 = 0.02f;
        assertEquals(List.of(f01, f01, f01, f01, f005, f005, f005, f0025, f0025, f002, f002, f002, f002), rates);
        assertEquals("\nEpoch 5: ReduceLROnPlateau reducing learning rate to 0.05000000074505806.\n"
                        + "\nEpoch 8: ReduceLROnPlateau reducing learning rate to 0.02500000037252903.\n"
                        + "\nEpoch 10: ReduceLROnPlateau reducing learning rate to 0.02.\n",
                script.printed.toString(StandardCharsets.UTF_8), "Keras's messages, the unrounded new rate");
    }

    @Test
    void kerasDefaultsWaitTenEpochsAndDivideByTen() {
        Script script = new Script(0.001, false);
        double[] flat = new double[23];
        java.util.Arrays.fill(flat, 0.5);
        flat[0] = 0.6;
        List<Double> rates = script.run(listener(Map.of()), "val_loss", flat);
        double lr = 0.001;
        double once = (float) ((double) 0.001f * 0.1);
        double twice = (float) (once * 0.1);
        for (int e = 0; e < flat.length; e++) {
            // e1: 0.5 < 0.6 − 1e-4 improves; then ten epochs without: a reduction at e11 and e21.
            double expected = e < 11 ? lr : e < 21 ? once : twice;
            assertEquals(expected, rates.get(e), "epoch " + e);
        }
        assertEquals("", script.printed.toString(StandardCharsets.UTF_8), "verbose 0 prints nothing");
    }

    @Test
    void maxModeAndAutoOnAnAccuracyWaitForAnIncrease() {
        for (Map<String, ?> values : List.of(Map.of("monitor", "val_accuracy", "factor", 0.5, "patience", 1L),
                Map.of("monitor", "val_accuracy", "mode", "max", "factor", 0.5, "patience", 1L))) {
            List<Double> rates = new Script(0.2, false).run(listener(values), "val_accuracy",
                    0.5, 0.6, 0.6001, 0.7, 0.65);
            // e2: 0.6001 is not above 0.6 + 1e-4: reduce; e3 improves; e4 falls: reduce.
            double a = 0.2;
            double b = (float) ((double) 0.2f * 0.5);
            double c = (float) (b * 0.5);
            assertEquals(List.of(a, a, b, b, c), rates, values.toString());
        }
        List<Double> minOnAccuracy = new Script(0.2, false).run(listener(Map.of("monitor", "val_accuracy",
                "mode", "min", "factor", 0.5, "patience", 1L)), "val_accuracy", 0.5, 0.6);
        assertEquals(List.of(0.2, (double) (float) (0.2f * 0.5)), minOnAccuracy, "min: a rise is no improvement");
    }

    @Test
    void aScheduleOrAMissingQuantityOrABadModeIsRefused() {
        IllegalStateException schedule = assertThrows(IllegalStateException.class,
                () -> new Script(0.1, true).run(listener(Map.of()), "val_loss", 1.0));
        assertEquals("reduce_lr_on_plateau changes the optimizer's learning rate, but it cannot: the learning rate "
                + "is the schedule 'cosine_decay'", schedule.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new Script(0.1, false).run(listener(Map.of("monitor", "val_auc")), "val_loss", 1.0));
        assertEquals("reduce_lr_on_plateau monitors 'val_auc', which is not logged; logged: [val_loss, learning_rate]",
                missing.getMessage());
        HyperparameterException mode = assertThrows(HyperparameterException.class,
                () -> listener(Map.of("mode", "down")));
        assertEquals("mode", mode.key());
        assertTrue(mode.getMessage().contains("accepted: 'auto'"), mode.getMessage());
        HyperparameterException factor = assertThrows(HyperparameterException.class,
                () -> listener(Map.of("factor", 1.0)));
        assertTrue(factor.getMessage().contains("factor = 1.0 is out of range: it must be in (0, 1)"),
                factor.getMessage());
    }
}
