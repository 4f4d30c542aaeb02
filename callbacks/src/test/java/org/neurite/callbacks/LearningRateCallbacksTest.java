package org.neurite.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.data.Dataset;
import org.neurite.core.model.Model;
import org.neurite.core.model.ModelAssembler;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;
import org.neurite.core.train.History;
import org.neurite.core.train.TrainingDivergedException;

/**
 * The learning rate in the history and the CSV log, {@code reduce_lr_on_plateau} driving the
 * optimizer through the same per-step rate as a schedule (and saved with the model), and
 * {@code terminate_on_nan}'s graceful stop.
 */
class LearningRateCallbacksTest {
    private static final Plugins PLUGINS = Plugins.discover();
    private static final ModelAssembler ASSEMBLER = new ModelAssembler(PLUGINS);
    /** 16 samples, validation_split 0.25: 12 training samples in 3 batches of 4 per epoch. */
    private static final String CONFIG = """
            input_shape: [2]
            layers:
              - {type: dense, units: 8, activation: tanh}
              - {type: dense, units: 2, activation: softmax}
            loss: categorical_crossentropy
            optimizer: %s
            metrics: [accuracy]
            training:
              epochs: 6
              batch_size: 4
              seed: 5
              verbose: 0
              validation_split: 0.25
              callbacks: [%s]
            """;
    /** Nothing improves by 100 after the first epoch: with patience 1 the rate halves at the end of epochs 2, 3, … */
    private static final String HALVING = "{name: reduce_lr_on_plateau, monitor: loss, factor: 0.5, patience: 1, "
            + "min_delta: 100}";

    @TempDir
    Path dir;

    private static Dataset data() {
        Matrix x = new Matrix(16, 2);
        Matrix y = new Matrix(16, 2);
        for (int r = 0; r < 16; r++) {
            int a = r & 1;
            int b = (r >> 1) & 1;
            x.set(r, 0, a + 0.05f * (r >> 2));
            x.set(r, 1, b - 0.05f * (r >> 2));
            y.set(r, a ^ b, 1);
        }
        return new Dataset(x, y);
    }

    private static Model model(String optimizer, String callbacks) {
        return ASSEMBLER.assemble(new ConfigReader(PLUGINS).parse(String.format(CONFIG, optimizer, callbacks),
                "net.yaml"));
    }

    private static void assertSameWeights(Model expected, Model actual) {
        List<Parameter> e = expected.network().parameters();
        List<Parameter> a = actual.network().parameters();
        for (int i = 0; i < e.size(); i++) {
            float[] x = e.get(i).value().data();
            float[] y = a.get(i).value().data();
            for (int j = 0; j < x.length; j++) {
                assertEquals(Float.floatToRawIntBits(x[j]), Float.floatToRawIntBits(y[j]), e.get(i).name() + "[" + j + "]");
            }
        }
    }

    @Test
    void theHistoryAndTheCsvLogHoldTheFloat32LearningRateAtEachEpochsEnd() throws IOException {
        Path csv = dir.resolve("log.csv");
        Model model = model("{name: sgd, learning_rate: 0.3}", "{name: csv_logger, filename: '" + csv + "'}");
        History h = model.fit(data());
        assertEquals(Collections.nCopies(6, (double) 0.3f), h.get("learning_rate"), "Keras's float32 variable");

        List<String> lines = Files.readAllLines(csv);
        assertEquals("epoch,accuracy,learning_rate,loss,val_accuracy,val_loss", lines.get(0));
        for (int e = 0; e < 6; e++) {
            assertEquals("0.30000001192092896", lines.get(e + 1).split(",")[2]);
        }

        // A schedule is read at the epoch's end, as Keras's optimizer.learning_rate: the rate of the next
        // step, after 3, 6, 9, ... steps (step ≤ 5: 0.3; 5 < step ≤ 8: 0.2; then 0.1).
        Model scheduled = model("{name: sgd, learning_rate: {name: piecewise_constant_decay, boundaries: [5, 8], "
                + "values: [0.3, 0.2, 0.1]}}", "");
        assertEquals(List.of((double) 0.3f, (double) 0.2f, (double) 0.1f, (double) 0.1f, (double) 0.1f,
                (double) 0.1f), scheduled.fit(data()).get("learning_rate"));
    }

    @Test
    void reducingOnAPlateauTrainsBitForBitAsThePiecewiseScheduleOfTheSameRates() {
        Model reduced = model("{name: sgd, learning_rate: 0.3}", HALVING);
        History h = reduced.fit(data());
        double f = 0.3f;
        // Logged before the callback acts at each epoch's end: epochs 0 and 1 ran at 0.3, epoch k ≥ 2 at 0.3 / 2^(k−1).
        assertEquals(List.of(f, f, f / 2, f / 4, f / 8, f / 16), h.get("learning_rate"));
        assertEquals(f / 32, reduced.trainer().updater().learningRate(), "after the sixth epoch's reduction");

        // Steps 3e … 3e+2 form epoch e; piecewise keeps values[i] up to and including boundaries[i].
        Model scheduled = model("{name: sgd, learning_rate: {name: piecewise_constant_decay, boundaries: [5, 8, 11, "
                + "14], values: [0.3, 0.15, 0.075, 0.0375, 0.01875]}}", "");
        History s = scheduled.fit(data());
        assertSameWeights(scheduled, reduced);
        assertEquals(s.get("loss"), h.get("loss"));
    }

    @Test
    void aModelSavedAfterAReductionResumesAtTheReducedRateAndFilesWithoutOneStayAsTheyWere() throws IOException {
        Model straight = model("{name: sgd, learning_rate: 0.3}", HALVING);
        straight.fit(data(), straight.fitOptions().epochs(3).build());
        straight.fit(data(), straight.fitOptions().epochs(3).build()); // a second fit: the callback starts afresh

        Model first = model("{name: sgd, learning_rate: 0.3}", HALVING);
        first.fit(data(), first.fitOptions().epochs(3).build());
        Path file = dir.resolve("reduced.neurite");
        first.save(file);
        Model resumed = Model.load(file, ASSEMBLER);
        assertEquals((double) 0.3f / 4, resumed.trainer().updater().learningRate(), "reduced at epochs 2 and 3");
        assertEquals(0.07500000298023224, metadata(file).get("learning_rate").asDouble(), "saved in metadata.json");
        History more = resumed.fit(data(), resumed.fitOptions().epochs(3).build());
        assertEquals((double) 0.3f / 4, more.get("learning_rate").get(0), "the resumed run starts at the reduced rate");
        assertSameWeights(straight, resumed);
        assertEquals(straight.history().asMap(), resumed.history().asMap());

        Model plain = model("{name: sgd, learning_rate: 0.3}", "");
        plain.fit(data());
        Path unchanged = dir.resolve("plain.neurite");
        plain.save(unchanged);
        assertFalse(metadata(unchanged).has("learning_rate"), "no key when the rate was never changed");
    }

    private static JsonNode metadata(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return new ObjectMapper().readTree(zip.getInputStream(zip.getEntry("metadata.json")).readAllBytes());
        }
    }

    @Test
    void aScheduledLearningRateCannotBeReducedOnAPlateau() {
        Model model = model("{name: sgd, learning_rate: {name: piecewise_constant_decay, boundaries: [5], "
                + "values: [0.3, 0.1]}}", HALVING);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> model.fit(data()));
        assertTrue(e.getMessage().startsWith("reduce_lr_on_plateau changes the optimizer's learning rate, but it "
                + "cannot: The learning rate of 'sgd' is the schedule piecewise_constant_decay"), e.getMessage());
        assertEquals(0, model.history().epochs(), "refused before the first epoch");
    }

    @Test
    void terminateOnNanStopsGracefullyWithTheParametersTheGuardKeeps() {
        String exploding = "{name: sgd, learning_rate: 1.0e38}";
        Model raising = model(exploding, "");
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> raising.fit(data(), raising.fitOptions().epochs(50).build()));
        Model strict = model(exploding, "{name: terminate_on_nan, raise_error: true}");
        assertThrows(TrainingDivergedException.class, () -> strict.fit(data(), strict.fitOptions().epochs(50).build()));

        Model graceful = model(exploding, "terminate_on_nan");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        History h = graceful.fit(data(), graceful.fitOptions().epochs(50)
                .out(new PrintStream(out, true, StandardCharsets.UTF_8)).build());
        assertEquals(e.epoch() - 1, h.epochs(), "the epochs before the one that diverged");
        assertSameWeights(raising, graceful);
        assertTrue(graceful.network().parameters().stream().allMatch(p -> p.value().isFinite()));
        assertEquals(e.getMessage() + " Training stopped (terminate_on_nan).\n", out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Training diverged at epoch " + e.epoch()
                + ", batch " + e.batch() + " of 3: "), out.toString(StandardCharsets.UTF_8));
    }
}
