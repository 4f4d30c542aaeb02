package org.neurite.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.neurite.core.io.ModelFixtures.ASSEMBLER;
import static org.neurite.core.io.ModelFixtures.PLUGINS;
import static org.neurite.core.io.ModelFixtures.assertContains;
import static org.neurite.core.io.ModelFixtures.entries;
import static org.neurite.core.io.ModelFixtures.flipByte;
import static org.neurite.core.io.ModelFixtures.model;
import static org.neurite.core.io.ModelFixtures.reseal;
import static org.neurite.core.io.ModelFixtures.train;
import static org.neurite.core.io.ModelFixtures.writeZip;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.model.Model;
import org.neurite.core.model.ModelAssembler;
import org.neurite.core.plugin.PluginCatalog;
import org.neurite.core.plugin.PluginException;
import org.neurite.core.plugin.PluginKind;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.testplugins.TestSoftmax;

class ModelFilesCorruptionTest {
    private static final String KERNEL = "parameters/dense_1/kernel.npy";

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void saveAModel() {
        Model model = model();
        train(model, 2);
        file = dir.resolve("m.neurite");
        model.save(file);
    }

    private ModelFormatException refused() {
        return assertThrows(ModelFormatException.class, () -> Model.load(file, ASSEMBLER));
    }

    @Test
    void aTruncatedFileIsRefused() throws Exception {
        byte[] whole = Files.readAllBytes(file);
        for (int length : new int[] {whole.length - 1, whole.length - 30, whole.length / 2, 100}) {
            Files.write(file, Arrays.copyOf(whole, length));

            ModelFormatException e = refused();

            assertContains(e.getMessage(), file.toString(), "the file is truncated", "restore it from a backup");
            assertEquals("", e.entry());
        }
    }

    @Test
    void aFileThatIsNotAZipArchiveIsRefused() throws Exception {
        Files.writeString(file, "input_shape: [2]\n");

        assertContains(refused().getMessage(), file.toString(),
                "not a Neurite model file: it is not a zip archive (it starts with bytes 69 6e 70 75");
    }

    @Test
    void aZipArchiveThatIsNotAModelFileIsRefused() throws Exception {
        writeZip(file, Map.of("weights.npy", Npy.write(new float[] {1}, 1)));

        assertContains(refused().getMessage(), "a zip archive but not a Neurite model file: it has no metadata.json");
    }

    @Test
    void aFlippedByteInAParameterIsRefused() throws Exception {
        flipByte(file, KERNEL, 64 + 5);

        ModelFormatException e = refused();

        assertEquals(KERNEL, e.entry());
        assertContains(e.getMessage(), file + ": " + KERNEL + ": the entry is corrupted: its CRC-32 is",
                "The file changed after it was saved");
    }

    @Test
    void aFlippedByteInTheConfigIsRefused() throws Exception {
        flipByte(file, "config.json", 10);

        assertContains(refused().getMessage(), file + ": config.json: the entry is corrupted");
    }

    @Test
    void aFlippedByteInTheMetadataIsRefused() throws Exception {
        flipByte(file, "metadata.json", 20);

        assertContains(refused().getMessage(), file + ": metadata.json: the entry is corrupted");
    }

    @Test
    void aParameterReplacedByAValidZipEntryFailsItsChecksum() throws Exception {
        Map<String, byte[]> entries = entries(file);
        byte[] kernel = entries.get(KERNEL);
        kernel[kernel.length - 1] ^= 1;
        writeZip(file, entries);

        ModelFormatException e = refused();

        assertEquals(KERNEL, e.entry());
        assertContains(e.getMessage(), "checksum mismatch: its SHA-256 is " + ModelArchive.sha256(kernel),
                "but metadata.json records");
    }

    @Test
    void aConfigReplacedByAValidZipEntryFailsItsChecksum() throws Exception {
        Map<String, byte[]> entries = entries(file);
        String config = new String(entries.get("config.json"), StandardCharsets.UTF_8);
        entries.put("config.json", config.replace("\"units\" : 4", "\"units\" : 5").getBytes(StandardCharsets.UTF_8));
        writeZip(file, entries);

        assertContains(refused().getMessage(), file + ": config.json: checksum mismatch");
    }

    @Test
    void metadataReplacedByAValidZipEntryFailsTheFinalChecksum() throws Exception {
        Map<String, byte[]> entries = entries(file);
        String metadata = new String(entries.get("metadata.json"), StandardCharsets.UTF_8);
        entries.put("metadata.json", metadata.replace("\"seed\" : 7", "\"seed\" : 8").getBytes(StandardCharsets.UTF_8));
        writeZip(file, entries);

        assertContains(refused().getMessage(), file + ": metadata.json: checksum mismatch",
                "but checksum.sha256 records");
    }

    @Test
    void anEntryAddedAfterSavingIsRefused() throws Exception {
        Map<String, byte[]> entries = entries(file);
        entries.put("parameters/extra.npy", Npy.write(new float[] {1}, 1));
        writeZip(file, entries);

        assertContains(refused().getMessage(), "parameters/extra.npy: the entry is not listed in metadata.json");
    }

    @Test
    void aFileFromANewerFormatIsRefused() throws Exception {
        reseal(file, entries -> { }, metadata -> metadata.put("format_version", 2).put("neurite_version", "9.0.0"));

        assertContains(refused().getMessage(), file + ": metadata.json: the file was written by format 2; "
                + "this Neurite reads up to format 1; upgrade Neurite to load it (this is development, "
                + "the file by 9.0.0).");
    }

    @Test
    void aParameterOfTheWrongShapeIsRefused() throws Exception {
        reseal(file, entries -> entries.put(KERNEL, Npy.write(new float[8], 4, 2)), metadata -> { });

        assertContains(refused().getMessage(), file + ": " + KERNEL + ": the array has shape (4, 2) but "
                + "dense_1/kernel in the network built from the saved configuration is (2, 4)");
    }

    @Test
    void aParameterThatIsNotFloat32IsRefused() throws Exception {
        reseal(file, entries -> {
            byte[] npy = entries.get(KERNEL);
            String header = new String(npy, 0, 64, StandardCharsets.ISO_8859_1).replace("'<f4'", "'<i4'");
            System.arraycopy(header.getBytes(StandardCharsets.ISO_8859_1), 0, npy, 0, 64);
        }, metadata -> { });

        assertContains(refused().getMessage(), KERNEL + ": the dtype is '<i4' but Neurite arrays are "
                + "little-endian float32 ('<f4')");
    }

    @Test
    void aMissingPluginIsRefusedNamingItsKindAndItsJar() {
        Plugins withoutTanh = PLUGINS.with(
                PluginCatalog.builder(PluginKind.ACTIVATION).add(new TestSoftmax(), "by hand").build());

        PluginException e = assertThrows(PluginException.class,
                () -> Model.load(file, new ModelAssembler(withoutTanh)));

        assertContains(e.getMessage(), "Cannot load the model " + file + ": it uses the activation 'test_tanh' "
                + "(org.neurite.core.testplugins.TestTanh from "
                + java.nio.file.Path.of(PLUGINS.activations().source("test_tanh")).getFileName() + " when the model was saved), "
                + "which no plugin on the class path provides. Put that jar",
                "on the class path", "Available activations: test_softmax.");
    }

    @Test
    void aMissingFileSaysSo() {
        Path absent = dir.resolve("absent.neurite");

        Exception e = assertThrows(java.io.UncheckedIOException.class, () -> Model.load(absent, ASSEMBLER));

        assertContains(e.getMessage(), "there is no model file " + absent);
    }
}
