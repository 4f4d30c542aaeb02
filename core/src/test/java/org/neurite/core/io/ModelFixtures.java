package org.neurite.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.model.Model;
import org.neurite.core.model.ModelAssembler;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;
import org.neurite.core.data.Dataset;

/** A small model built from the test plugins, its data, and tools to take model files apart. */
final class ModelFixtures {
    static final String YAML = """
            input_shape: [2]
            layers:
              - {type: dense, units: 4, activation: test_tanh}
              - {type: dense, units: 2}
              - {type: activation, activation: test_softmax}
            loss: test_crossentropy
            optimizer: {name: test_sgd, learning_rate: 0.1, momentum: 0.9}
            metrics: [accuracy]
            training: {epochs: 3, batch_size: 3, shuffle: true, seed: 7, verbose: 0, validation_split: 0.2}
            """;
    static final Plugins PLUGINS = Plugins.discover();
    static final ModelAssembler ASSEMBLER = new ModelAssembler(PLUGINS);

    private ModelFixtures() {
    }

    /** A fresh, untrained model with seed 7 that shuffles every epoch. */
    static Model model() {
        return model(true);
    }

    /** A fresh, untrained model with seed 7. */
    static Model model(boolean shuffle) {
        String yaml = shuffle ? YAML : YAML.replace("shuffle: true", "shuffle: false");
        return ASSEMBLER.assemble(new ConfigReader(PLUGINS).parse(yaml, "test.yaml"));
    }

    /** Ten samples of a noisy two-class problem, one-hot targets. */
    static Dataset data() {
        int n = 10;
        Matrix x = new Matrix(n, 2);
        Matrix y = new Matrix(n, 2);
        for (int i = 0; i < n; i++) {
            float a = (float) Math.sin(1.7 * i);
            float b = (float) Math.cos(0.9 * i + 0.3);
            x.set(i, 0, a);
            x.set(i, 1, b);
            y.set(i, a * b > 0 ? 1 : 0, 1);
        }
        return new Dataset(x, y);
    }

    /** Trains {@code model} for {@code epochs} more epochs with its configuration's settings. */
    static void train(Model model, int epochs) {
        model.fit(data(), model.fitOptions().epochs(epochs).build());
    }

    /** Asserts that two models hold bit-identical parameters, optimizer state and step count. */
    static void assertSameState(Model expected, Model actual) {
        for (int i = 0; i < expected.network().parameters().size(); i++) {
            Parameter e = expected.network().parameters().get(i);
            Parameter a = actual.network().parameters().get(i);
            assertEquals(e.name(), a.name());
            assertBitIdentical(e.value(), a.value(), e.name());
        }
        Map<String, Matrix> es = expected.trainer().updater().state();
        Map<String, Matrix> as = actual.trainer().updater().state();
        assertEquals(es.keySet(), as.keySet());
        es.forEach((k, m) -> assertBitIdentical(m, as.get(k), k));
        assertEquals(expected.trainer().updater().iterations(), actual.trainer().updater().iterations());
    }

    static void assertBitIdentical(Matrix expected, Matrix actual, String what) {
        assertEquals(expected.shape(), actual.shape(), what);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(Float.floatToRawIntBits(expected.data()[i]), Float.floatToRawIntBits(actual.data()[i]),
                    what + "[" + i + "]: " + expected.data()[i] + " vs " + actual.data()[i]);
        }
    }

    /** Every entry of a zip file, read with the JDK's own zip reader, in central directory order. */
    static Map<String, byte[]> entries(Path file) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    out.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return out;
    }

    /** Writes {@code entries} as a valid STORED zip, exactly as given (no checksums updated). */
    static void writeZip(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry z = new ZipEntry(e.getKey());
                z.setMethod(ZipEntry.STORED);
                z.setSize(e.getValue().length);
                CRC32 crc = new CRC32();
                crc.update(e.getValue());
                z.setCrc(crc.getValue());
                zip.putNextEntry(z);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }

    /**
     * Rewrites the model file after {@code edit} changed its entries and metadata tree, with
     * every checksum recomputed, as a consistent file that a newer or buggy writer could make.
     */
    static void reseal(Path file, Consumer<Map<String, byte[]>> editEntries, Consumer<ObjectNode> editMetadata)
            throws IOException {
        Map<String, byte[]> entries = entries(file);
        entries.remove(ModelArchive.CHECKSUM);
        editEntries.accept(entries);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode metadata = (ObjectNode) mapper.readTree(entries.get(ModelArchive.METADATA));
        ObjectNode sums = metadata.putObject("sha256");
        entries.forEach((name, bytes) -> {
            if (!name.equals(ModelArchive.METADATA)) {
                sums.put(name, ModelArchive.sha256(bytes));
            }
        });
        editMetadata.accept(metadata);
        entries.put(ModelArchive.METADATA, mapper.writeValueAsBytes(metadata));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelArchive.write(out, entries, 0L);
        Files.write(file, out.toByteArray());
    }

    /** The offset of {@code name}'s data in a zip file, found by walking the local headers. */
    static int dataOffset(byte[] zip, String name) {
        ByteBuffer in = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int at = 0;
        while (in.getInt(at) == 0x04034b50) {
            int size = in.getInt(at + 18);
            int nameLength = Short.toUnsignedInt(in.getShort(at + 26));
            int start = at + 30 + nameLength + Short.toUnsignedInt(in.getShort(at + 28));
            if (new String(zip, at + 30, nameLength, StandardCharsets.UTF_8).equals(name)) {
                return start;
            }
            at = start + size;
        }
        throw new AssertionError("no entry " + name);
    }

    /** Flips every bit of the byte {@code offset} bytes into entry {@code name} of {@code file}. */
    static void flipByte(Path file, String name, int offset) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int at = dataOffset(bytes, name) + offset;
        bytes[at] = (byte) ~bytes[at];
        Files.write(file, bytes);
    }

    static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
        }
    }
}
