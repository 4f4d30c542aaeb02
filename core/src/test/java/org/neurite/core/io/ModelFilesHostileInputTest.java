package org.neurite.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.neurite.core.io.ModelFixtures.ASSEMBLER;
import static org.neurite.core.io.ModelFixtures.assertContains;
import static org.neurite.core.io.ModelFixtures.entries;
import static org.neurite.core.io.ModelFixtures.model;
import static org.neurite.core.io.ModelFixtures.reseal;
import static org.neurite.core.io.ModelFixtures.train;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.model.Model;

/**
 * Crafted model files that once exhausted memory, blocked, or failed with the wrong exception
 * type: each is refused with a {@link ModelFormatException} that says what is wrong, without
 * allocating what the file claims.
 */
class ModelFilesHostileInputTest {
    private static final String KERNEL = "parameters/dense_1/kernel.npy";

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void saveAModel() {
        Model model = model();
        train(model, 1);
        file = dir.resolve("m.neurite");
        ModelFiles.save(model, file);
    }

    private ModelFormatException refused(Path path) {
        return assertThrows(ModelFormatException.class, () -> Model.load(path, ASSEMBLER));
    }

    @Test
    void aDirectoryIsRefusedAsNotAModelFile() {
        assertContains(refused(dir).getMessage(), dir + ": this is a directory, not a model file");
    }

    @Test
    void aLinkToDevZeroIsRefusedWithoutReadingIt() throws Exception {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "needs /dev/zero");
        Path link = Files.createSymbolicLink(dir.resolve("zero.neurite"), zero);
        ModelFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refused(link));
        assertContains(e.getMessage(), "this is not a regular file");
    }

    @Test
    void aFifoIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("fifo.neurite");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (java.io.IOException e) {
            mkfifo = null;
        }
        assumeTrue(mkfifo != null && mkfifo.waitFor() == 0, "needs mkfifo");
        ModelFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refused(fifo));
        assertContains(e.getMessage(), "this is not a regular file");
    }

    @Test
    void aThreeGigabyteSparseFileIsRefusedFromItsLastBytes() throws Exception {
        Path sparse = dir.resolve("sparse.neurite");
        try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
            f.write(new byte[] {'P', 'K', 3, 4});
            f.setLength(3L << 30);
        }
        assertContains(refused(sparse).getMessage(), "the file is truncated: it has no zip end-of-central-directory");
    }

    @Test
    void aValidArchiveAtTheEndOfAHugeFileIsReadThroughItsDirectoryOnly() throws Exception {
        // A model file followed by 2 GB of holes is refused by its directory offsets, not read whole.
        byte[] model = Files.readAllBytes(file);
        Path padded = dir.resolve("padded.neurite");
        try (RandomAccessFile f = new RandomAccessFile(padded.toFile(), "rw")) {
            f.write(model, 0, model.length - 22);
            f.setLength(2L << 30);
            f.seek(f.length());
            f.write(model, model.length - 22, 22);
        }
        assertContains(refused(padded).getMessage(), "the zip central directory", "does not end where the end "
                + "record starts");
    }

    @Test
    void anArrayHeaderClaimingBillionsOfValuesIsRefusedBeforeAllocating() throws Exception {
        reseal(file, entries -> entries.put(KERNEL, header("{'descr': '<f4', 'fortran_order': False, "
                + "'shape': (2000000000, 1000), }")), metadata -> { });

        assertContains(refused(file).getMessage(), KERNEL, "has more than 2147483639 elements");
    }

    @Test
    void anArrayHeaderClaimingMoreThanItsEntryHoldsIsRefusedBeforeTheNetworkIsBuilt() throws Exception {
        reseal(file, entries -> entries.put(KERNEL, header("{'descr': '<f4', 'fortran_order': False, "
                + "'shape': (40000, 40000), }")), metadata -> { });

        assertContains(refused(file).getMessage(), KERNEL + ": shape (40000, 40000) needs 6400000000 bytes of "
                + "float32 data but 0 follow the header");
    }

    @Test
    void aRepeatedDescrThatNumpyWouldReadAsBigEndianIsRefused() throws Exception {
        reseal(file, entries -> entries.put(KERNEL, withHeader(entries.get(KERNEL),
                "{'descr': '<f4', 'descr': '>f4', 'fortran_order': False, 'shape': (2, 4), }")), metadata -> { });

        assertContains(refused(file).getMessage(), KERNEL, "the key 'descr' appears twice");
    }

    @Test
    void aHeaderWithAnUnknownKeyOrAnExpressionIsRefused() throws Exception {
        reseal(file, entries -> entries.put(KERNEL, withHeader(entries.get(KERNEL),
                "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 4), 'x': 'y'}")), metadata -> { });
        assertContains(refused(file).getMessage(), "the key 'x' is not one of");

        reseal(file, entries -> entries.put(KERNEL, withHeader(entries.get(KERNEL),
                "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2*2), }")), metadata -> { });
        assertContains(refused(file).getMessage(), "is not a tuple of non-negative decimal integers");
    }

    @Test
    void aConfigurationClaimingABillionUnitsIsRefusedBeforeTheNetworkIsBuilt() throws Exception {
        for (String units : new String[] {"1000000000", "2147483647"}) {
            reseal(file, entries -> entries.put("config.json", new String(entries.get("config.json"),
                    StandardCharsets.UTF_8).replaceFirst("\"units\" : 4,", "\"units\" : " + units + ",")
                    .getBytes(StandardCharsets.UTF_8)), metadata -> { });

            ModelFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refused(file));
            assertContains(e.getMessage(), file + ": config.json: the saved configuration builds a network larger "
                    + "than the 88 bytes of arrays the file holds");
        }
    }

    @Test
    void aNegativeOptimizerStepCountIsAModelFormatException() throws Exception {
        reseal(file, entries -> { }, metadata -> metadata.put("optimizer_iterations", -5));

        assertContains(refused(file).getMessage(), file + ": metadata.json: 'optimizer_iterations' is -5; "
                + "an optimizer's step count is 0 or more");
    }

    @Test
    void aHugeEntryNameIsShortenedInTheMessage() throws Exception {
        String name = "parameters/" + "x".repeat(20000) + ".npy";
        java.util.Map<String, byte[]> entries = entries(file);
        entries.put(name, Npy.write(new float[] {1}, 1));
        ModelFixtures.writeZip(file, entries);

        String message = refused(file).getMessage();
        assertContains(message, "… (20015 characters)", "the entry is not listed in metadata.json");
        assertTrue(message.length() < 1000, message.length() + " characters");
    }

    @Test
    void metadataRecordsThePluginJarsFileNameAndLoadErrorsNeverRepeatAbsolutePaths() throws Exception {
        String metadata = new String(entries(file).get(ModelArchive.METADATA), StandardCharsets.UTF_8);
        assertEquals(-1, metadata.indexOf("\"source\" : \"/"), metadata);
        assertEquals("neurite-activations-1.2.0.jar",
                Metadata.sourceName("/home/build/repo/activations/target/neurite-activations-1.2.0.jar"));
        assertEquals("classes", Metadata.sourceName("C:\\build\\core\\target\\classes\\"));
        assertEquals("bound in a Guice module", Metadata.sourceName("bound in a Guice module"));
    }

    private static void assertTrue(boolean condition, String message) {
        org.junit.jupiter.api.Assertions.assertTrue(condition, message);
    }

    /** A version 1.0 .npy array made of {@code dict}, padded as numpy pads, with no data. */
    private static byte[] header(String dict) {
        int unpadded = 10 + dict.length() + 1;
        String text = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(Npy.MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        b.put(text.getBytes(StandardCharsets.ISO_8859_1));
        return b.array();
    }

    /** {@code npy} with its header replaced by {@code dict}, its data kept. */
    private static byte[] withHeader(byte[] npy, String dict) {
        int dataStart = 10 + Short.toUnsignedInt(ByteBuffer.wrap(npy).order(ByteOrder.LITTLE_ENDIAN).getShort(8));
        byte[] head = header(dict);
        byte[] out = java.util.Arrays.copyOf(head, head.length + npy.length - dataStart);
        System.arraycopy(npy, dataStart, out, head.length, npy.length - dataStart);
        return out;
    }
}
