package org.neurite.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.io.Npy;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.tensor.Matrix;

/**
 * The {@code npy} and {@code npz} data formats on files numpy wrote ({@code
 * src/test/resources/numpy/make_fixtures.py}), and on damaged ones.
 */
class NumpyDataTest {
    private static final Plugins PLUGINS = Plugins.discover();
    private static final String MODEL = """
            input_shape: [4]
            layers: [{type: dense, units: 3, activation: test_softmax}]
            loss: test_crossentropy
            optimizer: test_sgd
            """;
    /** np.arange(16, dtype=uint8).reshape(4, 2, 2), one image per row. */
    private static final Matrix X_TRAIN = Matrix.of(new float[][] {{0, 1, 2, 3}, {4, 5, 6, 7}, {8, 9, 10, 11},
            {12, 13, 14, 15}});
    private static final Matrix Y_TRAIN = Matrix.of(new float[][] {{0}, {1}, {2}, {1}});
    private static final Matrix X_TEST = Matrix.of(new float[][] {{0.5f, 1.5f, 2.5f, 3.5f}, {-1, 0, 1, 2}});

    @TempDir
    Path dir;

    private void copy(String resource) throws IOException {
        try (InputStream in = NumpyDataTest.class.getResourceAsStream("/numpy/" + resource)) {
            Files.copy(in, dir.resolve(resource));
        }
    }

    private DataLoader.Loaded load(String data) {
        return DataLoader.load(new ConfigReader(PLUGINS).parse(MODEL + data, "exp.yaml", dir).data(), PLUGINS);
    }

    @Test
    void npzArchivesOfNumpyReadBothSplitsByArrayName() throws IOException {
        for (String archive : new String[] {"mnist-like.npz", "mnist-like-compressed.npz"}) {
            copy(archive);
            DataLoader.Loaded d = load("data: {format: npz, train: {file: " + archive + ", x: x_train, y: y_train}, "
                    + "test: {file: " + archive + ", x: x_test, y: y_test}}\n");
            assertEquals(X_TRAIN, d.train().x(), archive + ": uint8 images flattened per sample");
            assertEquals(Y_TRAIN, d.train().y(), archive + ": int64 labels as n×1");
            assertEquals(X_TEST, d.test().x(), archive + ": float64 to float32");
            assertEquals(Matrix.of(new float[][] {{2}, {0}}), d.test().y());
        }
    }

    @Test
    void npyFilesReadFeaturesAndLabelsOneHotOrNot() throws IOException {
        copy("x.npy");
        copy("y.npy");
        copy("y-onehot.npy");
        DataLoader.Loaded d = load("data: {format: npy, train: {x: x.npy, y: y.npy}, one_hot: 3, scale: 15}\n");
        assertEquals(Matrix.of(new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 1, 0}}), d.train().y());
        assertEquals(X_TRAIN.get(3, 3) / 15f, d.train().x().get(3, 3), 0f);
        assertEquals(load("data: {format: npy, train: {x: x.npy, y: y-onehot.npy}}\n").train().y(), d.train().y());
    }

    @Test
    void aMissingArrayListsTheArchivesArrays() throws IOException {
        copy("mnist-like.npz");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> load("data: {format: npz, train: {file: mnist-like.npz, x: x_trian, y: y_train}}\n"));
        assertEquals(dir.resolve("mnist-like.npz") + ": the archive has no array 'x_trian'. Did you mean 'x_train'? "
                + "Arrays: x_train, y_train, x_test, y_test.", e.getMessage());
    }

    @Test
    void featuresAndLabelsOfDifferentLengthsAreRefused() throws IOException {
        Files.write(dir.resolve("x.npy"), Npy.write(new float[6], 3, 2));
        Files.write(dir.resolve("y.npy"), Npy.write(new float[2], 2));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> load("data: {format: npy, train: {x: x.npy, y: y.npy}}\n"));
        assertEquals(dir.resolve("y.npy") + ": the labels are for 2 samples but the features (" + dir.resolve("x.npy")
                + ") hold 3; they must describe the same samples, in the same order", e.getMessage());
    }

    /** A header claiming a billion values in a file of a few bytes is refused before anything is allocated. */
    @Test
    void aShapeLargerThanTheFileIsRefusedBeforeAllocating() throws IOException {
        byte[] header = npyHeader("<f8", "(1000000000, 2)");
        Files.write(dir.resolve("x.npy"), concat(header, new byte[16]));
        Files.write(dir.resolve("y.npy"), Npy.write(new float[1], 1));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> load("data: {format: npy, train: {x: x.npy, y: y.npy}}\n"));
        assertEquals(dir.resolve("x.npy") + ": shape (1000000000, 2) needs 16000000000 bytes of float64 data but 16 "
                + "follow the header", e.getMessage());
    }

    @Test
    void unsupportedDtypesNameWhatIsAccepted() throws IOException {
        Files.write(dir.resolve("x.npy"), concat(npyHeader(">f4", "(1, 1)"), new byte[4]));
        Files.write(dir.resolve("y.npy"), Npy.write(new float[1], 1));
        String message = assertThrows(DataFormatException.class,
                () -> load("data: {format: npy, train: {x: x.npy, y: y.npy}}\n")).getMessage();
        assertTrue(message.startsWith(dir.resolve("x.npy") + ": the dtype is '>f4', which Neurite does not read; "
                + "accepted: '<f4' (float32), '<f8' (float64), '|i1' (int8), '|u1' (uint8)"), message);
    }

    /** A deflated entry that claims to expand past deflate's limit is a lie, refused before reading. */
    @Test
    void anArchiveEntryClaimingAnImpossibleSizeIsRefused() throws IOException {
        byte[] x = Npy.write(new float[4], 2, 2);
        Path npz = dir.resolve("bad.npz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(npz))) {
            ZipEntry stored = new ZipEntry("x.npy");
            stored.setMethod(ZipEntry.STORED);
            stored.setSize(x.length);
            stored.setCompressedSize(x.length);
            CRC32 crc = new CRC32();
            crc.update(x);
            stored.setCrc(crc.getValue());
            zip.putNextEntry(stored);
            zip.write(x);
            zip.closeEntry();
        }
        // Rewrite the central directory's uncompressed size of the stored entry to 4 GiB - 1.
        byte[] bytes = Files.readAllBytes(npz);
        int central = indexOf(bytes, new byte[] {'P', 'K', 1, 2});
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(central + 24, -2);
        Files.write(npz, bytes);
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> load("data: {format: npz, train: {file: bad.npz}}\n"));
        assertTrue(e.getMessage().startsWith(npz + ": array 'x': the zip entry x.npy claims 4294967294 bytes from "
                + x.length + " stored ones"), e.getMessage());
    }

    @Test
    void aFileThatIsNotAnArchiveSaysSo() throws IOException {
        Files.writeString(dir.resolve("x.npz"), "x,y\n1,2\n");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> load("data: {format: npz, train: {file: x.npz}}\n"));
        assertTrue(e.getMessage().startsWith(dir.resolve("x.npz") + ": not a .npz archive"), e.getMessage());
    }

    private static byte[] npyHeader(String descr, String shape) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int unpadded = 10 + dict.length() + 1;
        String text = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) text.length());
        b.put(text.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int indexOf(byte[] bytes, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= bytes.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (bytes[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("not found");
    }
}
