package org.neurite.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neurite.core.io.ModelFixtures.ASSEMBLER;
import static org.neurite.core.io.ModelFixtures.assertBitIdentical;
import static org.neurite.core.io.ModelFixtures.assertSameState;
import static org.neurite.core.io.ModelFixtures.data;
import static org.neurite.core.io.ModelFixtures.entries;
import static org.neurite.core.io.ModelFixtures.model;
import static org.neurite.core.io.ModelFixtures.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.config.ConfigWriter;
import org.neurite.core.model.Model;

class ModelFilesRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void aLoadedModelPredictsBitIdenticallyToTheSavedOne() {
        Model saved = model();
        train(saved, 3);
        Path file = dir.resolve("m.neurite");
        saved.save(file);

        Model loaded = Model.load(file, ASSEMBLER);

        assertBitIdentical(saved.predict(data().x()), loaded.predict(data().x()), "prediction");
        assertSameState(saved, loaded);
        assertEquals(saved.history(), loaded.history());
        assertEquals(saved.history().epochs(), loaded.history().epochs());
    }

    @Test
    void trainingResumedFromAFileMatchesTrainingWithoutStopping() {
        assertResumingFromAFileMatchesTrainingWithoutStopping(false);
    }

    @Test
    void trainingResumedFromAFileMatchesTrainingWithoutStoppingWhenShuffling() {
        Model twoCalls = model(true);
        train(twoCalls, 3);
        train(twoCalls, 4);
        Model oneCall = model(true);
        train(oneCall, 7);
        // A file can only resume what the trainer itself resumes: each epoch's shuffle must
        // depend on the seed and the epoch index alone, not on the epochs before it in one call.
        assertSameState(oneCall, twoCalls);
        assertResumingFromAFileMatchesTrainingWithoutStopping(true);
    }

    private void assertResumingFromAFileMatchesTrainingWithoutStopping(boolean shuffle) {
        Model first = model(shuffle);
        train(first, 3);
        Path file = dir.resolve("m.neurite");
        ModelFiles.save(first, file);
        Model resumed = Model.load(file, ASSEMBLER);
        train(resumed, 4);

        Model uninterrupted = model(shuffle);
        train(uninterrupted, 7);

        assertSameState(uninterrupted, resumed);
        assertEquals(uninterrupted.history().asMap(), resumed.history().asMap());
        assertEquals(7, resumed.history().epochs());
        assertTrue(resumed.history().asMap().containsKey("val_loss"), "validation split logs survive");
        assertBitIdentical(uninterrupted.predict(data().x()), resumed.predict(data().x()), "prediction");
    }

    @Test
    void theConfigWrittenBackAfterLoadingEqualsTheSavedConfig() throws Exception {
        Model saved = model();
        Path file = dir.resolve("m.neurite");
        saved.save(file);

        Model loaded = Model.load(file, ASSEMBLER);

        String json = ConfigWriter.toJson(saved.config());
        assertEquals(json, ConfigWriter.toJson(loaded.config()));
        assertEquals(json, new String(entries(file).get("config.json"), StandardCharsets.UTF_8));
        assertEquals(7L, loaded.seed());
    }

    @Test
    void anUntrainedModelRoundTripsWithNoHistoryAndNoSteps() {
        Model saved = model();
        Path file = dir.resolve("fresh.neurite");
        saved.save(file);

        Model loaded = Model.load(file, ASSEMBLER);

        assertSameState(saved, loaded);
        assertEquals(0, loaded.history().epochs());
        assertEquals(0, loaded.trainer().updater().iterations());
    }

    @Test
    void savingOverAnExistingFileReplacesIt() {
        Path file = dir.resolve("m.neurite");
        Model older = model();
        older.save(file);
        Model newer = model();
        train(newer, 2);
        newer.save(file);

        assertSameState(newer, Model.load(file, ASSEMBLER));
        assertEquals(List.of(file), List.of(dir.toFile().listFiles()).stream().map(f -> f.toPath()).toList());
    }

    @Test
    void theArchiveHoldsTheDocumentedEntriesInOrder() throws Exception {
        Model saved = model();
        train(saved, 2);
        Path file = dir.resolve("m.neurite");
        saved.save(file);

        Map<String, byte[]> entries = entries(file);

        assertEquals(List.of("config.json",
                "parameters/dense_1/kernel.npy", "parameters/dense_1/bias.npy",
                "parameters/dense_2/kernel.npy", "parameters/dense_2/bias.npy",
                "optimizer/velocity/dense_1/kernel.npy", "optimizer/velocity/dense_1/bias.npy",
                "optimizer/velocity/dense_2/kernel.npy", "optimizer/velocity/dense_2/bias.npy",
                "metadata.json", "checksum.sha256"), new ArrayList<>(entries.keySet()));
        assertArrayEquals(new int[] {2, 4}, Npy.read(entries.get("parameters/dense_1/kernel.npy")).shape());
        assertArrayEquals(new int[] {4}, Npy.read(entries.get("parameters/dense_1/bias.npy")).shape(),
                "a bias is 1-D, as Keras's get_weights() has it");
        assertArrayEquals(new int[] {2}, Npy.read(entries.get("optimizer/velocity/dense_2/bias.npy")).shape());
        assertEquals(ModelArchive.sha256(entries.get("metadata.json")) + "  metadata.json\n",
                new String(entries.get("checksum.sha256"), StandardCharsets.US_ASCII));
    }

    @Test
    void theMetadataRecordsVersionsSeedStepsEntriesPluginsHistoryAndChecksums() throws Exception {
        Model saved = model();
        train(saved, 2);
        Path file = dir.resolve("m.neurite");
        saved.save(file);
        Map<String, byte[]> entries = entries(file);

        JsonNode m = new ObjectMapper().readTree(entries.get("metadata.json"));

        List<String> keys = new ArrayList<>();
        m.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("format_version", "neurite_version", "created", "seed", "optimizer_iterations",
                "parameters", "optimizer_state", "plugins", "history", "sha256"), keys);
        assertEquals(1, m.get("format_version").asInt());
        assertEquals("development", m.get("neurite_version").asText(), "no jar manifest in a test run");
        assertFalse(Instant.parse(m.get("created").asText()).isAfter(Instant.now()));
        assertTrue(m.get("created").asText().endsWith("Z"), "UTC");
        assertEquals(7, m.get("seed").asLong());
        assertEquals(saved.trainer().updater().iterations(), m.get("optimizer_iterations").asLong());
        assertEquals(6, m.get("optimizer_iterations").asLong(), "2 epochs of 3 batches");
        assertEquals("parameters/dense_1/kernel.npy", m.get("parameters").get(0).asText());
        assertEquals("optimizer/velocity/dense_2/bias.npy", m.get("optimizer_state").get(3).asText());
        List<String> plugins = new ArrayList<>();
        m.get("plugins").forEach(p -> plugins.add(p.get("kind").asText() + ":" + p.get("name").asText()));
        assertEquals(List.of("activation:test_softmax", "activation:test_tanh", "initializer:glorot_uniform",
                "initializer:zeros", "layer type:activation", "layer type:dense", "loss:test_crossentropy",
                "metric:accuracy", "optimizer:test_sgd"), plugins);
        String source = ModelFixtures.PLUGINS.activations().source("test_tanh");
        assertEquals(Path.of(source).getFileName().toString(), m.get("plugins").get(1).get("source").asText(),
                "the jar or directory's name, not the saving machine's path " + source);
        assertEquals(saved.history().get("val_accuracy").get(1), m.get("history").get("val_accuracy").get(1).asDouble());
        for (String name : entries.keySet()) {
            if (!name.equals("metadata.json") && !name.equals("checksum.sha256")) {
                assertEquals(ModelArchive.sha256(entries.get(name)), m.get("sha256").get(name).asText(), name);
            }
        }
        assertEquals(9, m.get("sha256").size());
    }
}
