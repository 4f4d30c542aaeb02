package org.neurite.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.tensor.Matrix;

class IdxReaderTest {
    @TempDir
    Path dir;

    private Path file(String name, byte[] data) {
        return IdxFiles.write(dir.resolve(name), data);
    }

    @Test
    void readsImagesAsOneRowOfUnsignedPixelValuesPerImage() {
        byte[] pixels = {0, 1, 2, 3, 4, 5, (byte) 128, (byte) 200, 9, 10, 11, (byte) 255};
        Matrix x = IdxReader.readImages(file("images-idx3-ubyte", IdxFiles.images(2, 2, 3, pixels)));
        assertEquals(Matrix.of(new float[][] {{0, 1, 2, 3, 4, 5}, {128, 200, 9, 10, 11, 255}}), x);
    }

    @Test
    void readsLabels() {
        assertArrayEquals(new int[] {7, 0, 255, 3},
                IdxReader.readLabels(file("labels-idx1-ubyte", IdxFiles.labels(7, 0, 255, 3))));
    }

    @Test
    void readsImagesAndLabelsAsADataSet() {
        Dataset d = IdxReader.read(file("i", IdxFiles.images(3, 2, 2, IdxFiles.ramp(3, 4))),
                file("l", IdxFiles.labels(2, 0, 1)));
        assertEquals("3×4", d.x().shape());
        assertEquals(Matrix.of(new float[][] {{2}, {0}, {1}}), d.y());
        assertEquals(11f, d.x().get(2, 3));
    }

    @Test
    void gzipIsRecognisedByItsMagicBytesWhateverTheFileName() {
        byte[] images = IdxFiles.images(2, 2, 2, IdxFiles.ramp(2, 4));
        Matrix plain = IdxReader.readImages(file("plain.gz", images));
        Matrix zipped = IdxReader.readImages(file("zipped-without-extension", IdxFiles.gzip(images)));
        Matrix named = IdxReader.readImages(file("images.gz", IdxFiles.gzip(images)));
        assertEquals(plain, zipped);
        assertEquals(plain, named);
    }

    @Test
    void truncatedPixelDataSaysWhereHowMuchWasExpectedAndHowMuchWasFound() {
        byte[] whole = IdxFiles.images(3, 28, 28, IdxFiles.ramp(3, 784));
        Path f = file("train-images-idx3-ubyte", Arrays.copyOf(whole, 16 + 1200));
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(f));
        assertEquals(f + ": at byte 16: expected 2352 bytes of pixel data for 3 images of 28×28, found 1200",
                e.getMessage());
        assertEquals(f, e.file());
        assertEquals("at byte 16", e.location());
    }

    @Test
    void aTruncatedGzipFileIsReportedAsTruncatedNotReadShort() {
        byte[] whole = IdxFiles.gzip(IdxFiles.images(50, 28, 28, IdxFiles.ramp(50, 784)));
        Path f = file("train-images-idx3-ubyte.gz", Arrays.copyOf(whole, whole.length / 2));
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(f));
        assertTrue(e.getMessage().startsWith(f + ": at byte 16: expected 39200 bytes of pixel data for 50 images "
                + "of 28×28, found "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(the gzip stream ends early: the file is truncated)"), e.getMessage());
    }

    @Test
    void aGzipFileMissingOnlyItsTrailerIsTruncatedToo() {
        byte[] whole = IdxFiles.gzip(IdxFiles.labels(1, 2, 3));
        Path f = file("labels.gz", Arrays.copyOf(whole, whole.length - 4));
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readLabels(f));
        assertTrue(e.getMessage().startsWith(f + ": at byte 11: "), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void truncatedLabelsAndHeadersAreRefused() {
        Path labels = file("l", Arrays.copyOf(IdxFiles.labels(1, 2, 3, 4), 10));
        assertEquals(labels + ": at byte 8: expected 4 bytes of labels, found 2",
                assertThrows(DataFormatException.class, () -> IdxReader.readLabels(labels)).getMessage());
        Path header = file("h", Arrays.copyOf(IdxFiles.images(1, 2, 2, new byte[4]), 10));
        assertEquals(header + ": at byte 4: expected 3 big-endian dimension sizes (12 bytes) of images, found 6 bytes",
                assertThrows(DataFormatException.class, () -> IdxReader.readImages(header)).getMessage());
        Path empty = file("e", new byte[0]);
        assertEquals(empty + ": at byte 0: expected the IDX magic number 0x00000801 (unsigned-byte labels, "
                + "1 dimension), found an empty file",
                assertThrows(DataFormatException.class, () -> IdxReader.readLabels(empty)).getMessage());
    }

    @Test
    void swappedFilesAreRecognisedByTheirMagicNumber() {
        Path labels = file("labels", IdxFiles.labels(1, 2));
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(labels));
        assertEquals(labels + ": at byte 0: expected the IDX magic number 0x00000803 (unsigned-byte images, "
                + "3 dimensions), found 0x00000801: that of an IDX label file; are images and labels swapped?",
                e.getMessage());
    }

    @Test
    void aFileThatIsNotIdxOrHoldsAnotherTypeIsRefused() {
        Path text = file("notes.txt", "hello, world".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(assertThrows(DataFormatException.class, () -> IdxReader.readLabels(text)).getMessage()
                .endsWith("found 0x68656C6C: this is not an IDX file (its first two bytes must be zero)"));
        Path floats = file("floats", new byte[] {0, 0, 0x0D, 1, 0, 0, 0, 0});
        assertTrue(assertThrows(DataFormatException.class, () -> IdxReader.readLabels(floats)).getMessage()
                .endsWith("found 0x00000D01: IDX data of type 0x0D; only unsigned bytes (0x08) are supported"));
    }

    @Test
    void imagesAndLabelsOfDifferentCountsAreRefused() {
        Path images = file("images", IdxFiles.images(3, 2, 2, new byte[12]));
        Path labels = file("labels", IdxFiles.labels(1, 2));
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.read(images, labels));
        assertEquals(images + ": at byte 4: the file holds 3 images but " + labels + " holds 2 labels; images "
                + "and labels must describe the same samples, in the same order", e.getMessage());
    }

    @Test
    void dataAfterTheLastImageIsRefused() {
        byte[] data = IdxFiles.images(1, 2, 2, new byte[5]);
        Path f = file("images", data);
        assertEquals(f + ": at byte 20: expected the end of the file after 1 images of 2×2, found more data",
                assertThrows(DataFormatException.class, () -> IdxReader.readImages(f)).getMessage());
    }

    @Test
    void aCorruptGzipStreamIsReported() {
        byte[] zipped = IdxFiles.gzip(IdxFiles.labels(IdxFiles.ramp(1, 500)[0], 1, 2, 3, 4, 5, 6, 7, 8));
        for (int i = 12; i < zipped.length - 8; i++) {
            zipped[i] ^= 0x55;
        }
        Path f = file("labels.gz", zipped);
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readLabels(f));
        assertTrue(e.getMessage().startsWith(f + ": at byte "), e.getMessage());
    }

    @Test
    void aMissingFileNamesIt() {
        Path f = dir.resolve("absent-idx1-ubyte.gz");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> IdxReader.readLabels(f));
        assertEquals("there is no data file " + f, e.getMessage());
    }
}
