package org.neurite.core.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.neurite.core.tensor.Matrix;

/**
 * Reads the IDX files of MNIST and Fashion-MNIST: unsigned-byte images (magic number
 * {@code 0x00000803}: count, rows, columns, then the pixels row by row) and labels ({@code
 * 0x00000801}: count, then one byte per label), all sizes big-endian. Files may be gzip
 * compressed, whatever their name: compression is recognised by its magic bytes.
 *
 * <pre>{@code
 * Dataset train = IdxReader.read(dir.resolve("train-images-idx3-ubyte.gz"),
 *         dir.resolve("train-labels-idx1-ubyte.gz"));   // x: 60000×784 in [0, 255], y: 60000×1
 * }</pre>
 *
 * <p>Every read is checked: a truncated file, a wrong magic number, trailing data, or images
 * and labels of different counts fail with a {@link DataFormatException} giving the file, the
 * byte offset (counted in the uncompressed data) and what was expected. Stateless and
 * thread-safe.
 */
public final class IdxReader {
    /** The magic number of an IDX label file: unsigned bytes, one dimension. */
    public static final int LABELS_MAGIC = 0x00000801;
    /** The magic number of an IDX image file: unsigned bytes, three dimensions. */
    public static final int IMAGES_MAGIC = 0x00000803;

    /** The most a deflate stream expands: 1032 output bytes per input byte. */
    private static final long MAX_GZIP_RATIO = 1032;
    private static final String LABELS = "unsigned-byte labels, 1 dimension";
    private static final String IMAGES = "unsigned-byte images, 3 dimensions";

    private IdxReader() {
    }

    /**
     * Images and their labels as one data set: {@code x} is n×(rows·columns), pixel values
     * 0 to 255, one image per row; {@code y} is n×1, the labels as numbers.
     *
     * @throws DataFormatException   if either file is malformed or their counts differ
     * @throws UncheckedIOException  if a file cannot be read
     */
    public static Dataset read(Path images, Path labels) {
        int[] y = readLabels(labels);
        Matrix x = readImages(images, y.length, labels);
        Matrix targets = new Matrix(y.length, 1);
        for (int i = 0; i < y.length; i++) {
            targets.data()[i] = y[i];
        }
        return new Dataset(x, targets);
    }

    /** The labels of an IDX label file, 0 to 255 each. */
    public static int[] readLabels(Path file) {
        try (Input in = new Input(file)) {
            int[] dims = in.header(LABELS_MAGIC, LABELS, "labels");
            int n = dims[0];
            long at = in.offset;
            in.checkDeclared(n, n + " labels");
            byte[] bytes = in.readUpTo(n);
            int got = bytes.length;
            if (got < n) {
                throw in.fail(at, "expected " + n + " bytes of labels, found " + got + in.truncation());
            }
            in.expectEnd(n + " labels");
            int[] labels = in.allocateInts(n, n + " labels");
            for (int i = 0; i < n; i++) {
                labels[i] = bytes[i] & 0xFF;
            }
            return labels;
        }
    }

    /** The images of an IDX image file as an n×(rows·columns) matrix of pixel values 0 to 255. */
    public static Matrix readImages(Path file) {
        return readImages(file, -1, null);
    }

    private static Matrix readImages(Path file, int expectedCount, Path labels) {
        try (Input in = new Input(file)) {
            int[] dims = in.header(IMAGES_MAGIC, IMAGES, "images");
            int n = dims[0];
            if (expectedCount >= 0 && n != expectedCount) {
                throw in.fail(4, "the file holds " + n + " images but " + labels + " holds " + expectedCount
                        + " labels; images and labels must describe the same samples, in the same order");
            }
            long pixels = (long) dims[1] * dims[2];
            long total = n * pixels;
            String what = n + " images of " + dims[1] + "×" + dims[2];
            if (total > Integer.MAX_VALUE - 8) {
                throw in.fail(4, what + " make " + total + " pixels, more than one matrix holds ("
                        + (Integer.MAX_VALUE - 8) + ")");
            }
            long at = in.offset;
            in.checkDeclared(total, what);
            byte[] bytes = in.readUpTo((int) total);
            int got = bytes.length;
            if (got < total) {
                throw in.fail(at, "expected " + total + " bytes of pixel data for " + what + ", found " + got
                        + in.truncation());
            }
            in.expectEnd(what);
            float[] values = in.allocateFloats(bytes.length, what);
            for (int i = 0; i < bytes.length; i++) {
                values[i] = bytes[i] & 0xFF;
            }
            return Matrix.wrap(n, (int) pixels, values);
        }
    }

    /** One open IDX file and the offset of the next byte in its (uncompressed) content. */
    private static final class Input implements AutoCloseable {
        private final Path file;
        private final InputStream in;
        private long offset;
        private boolean cutShort;
        private final boolean compressed;
        private final long fileSize;

        Input(Path file) {
            this.file = file;
            this.in = DataFiles.open(file);
            this.compressed = in instanceof GZIPInputStream;
            long size;
            try {
                size = Files.isRegularFile(file) ? Files.size(file) : -1;
            } catch (IOException e) {
                size = -1;
            }
            this.fileSize = size;
        }

        /**
         * Fails if a gzip file's header declares more data ({@code bytes}) than gzip's largest
         * compression ratio (1032:1) lets the file hold. (A plain file that holds less than its
         * header declares is found by reading: see {@link #readUpTo}.)
         */
        void checkDeclared(long bytes, String what) {
            if (fileSize >= 0 && compressed && bytes > fileSize * MAX_GZIP_RATIO + (1 << 20)) {
                throw fail(offset, "the header declares " + what + " (" + bytes + " bytes) but a gzip file of "
                        + fileSize + " bytes decompresses to at most about " + fileSize * MAX_GZIP_RATIO
                        + ": the header is wrong");
            }
        }

        /**
         * Reads up to {@code n} bytes, growing the buffer as data arrives (never beyond what was
         * read plus the first megabyte), so a header that overstates the data costs nothing.
         */
        byte[] readUpTo(int n) {
            byte[] buffer = new byte[Math.min(n, 1 << 20)];
            int filled = 0;
            while (true) {
                filled += readFully(buffer, filled);
                if (filled < buffer.length || filled == n) {
                    return filled == buffer.length ? buffer : Arrays.copyOf(buffer, filled);
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(n, 2L * buffer.length));
            }
        }

        float[] allocateFloats(int n, String what) {
            try {
                return new float[n];
            } catch (OutOfMemoryError e) {
                throw tooLarge(4L * n, what);
            }
        }

        int[] allocateInts(int n, String what) {
            try {
                return new int[n];
            } catch (OutOfMemoryError e) {
                throw tooLarge(4L * n, what);
            }
        }

        private DataFormatException tooLarge(long bytes, String what) {
            return fail(offset, what + " need " + (bytes >> 20) + " MiB as 32-bit values, more than this JVM "
                    + "can allocate (its heap limit is " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB; "
                    + "-Xmx raises it)");
        }

        DataFormatException fail(long at, String detail) {
            return new DataFormatException(file, "at byte " + at, detail);
        }

        /** Reads and checks the magic number and the dimensions; returns the dimensions. */
        int[] header(int magic, String kind, String noun) {
            byte[] m = new byte[4];
            int got = readFully(m);
            String expected = String.format(Locale.ROOT, "expected the IDX magic number 0x%08X (%s)", magic, kind);
            if (got < 4) {
                throw fail(0, expected + ", found " + (got == 0 ? "an empty file" : "only " + got + " bytes")
                        + truncation());
            }
            int found = bigEndian(m, 0);
            if (found != magic) {
                throw fail(0, String.format(Locale.ROOT, "%s, found 0x%08X: %s", expected, found,
                        explain(found)));
            }
            int rank = magic & 0xFF;
            byte[] d = new byte[4 * rank];
            got = readFully(d);
            if (got < d.length) {
                throw fail(4, "expected " + rank + " big-endian dimension sizes (" + d.length + " bytes) of "
                        + noun + ", found " + got + " bytes" + truncation());
            }
            int[] dims = new int[rank];
            for (int i = 0; i < rank; i++) {
                dims[i] = bigEndian(d, 4 * i);
                if (dims[i] < 0 || i > 0 && dims[i] == 0) {
                    throw fail(4 + 4L * i, "dimension " + i + " of the " + noun + " is "
                            + Integer.toUnsignedString(dims[i]) + "; expected " + (i == 0 ? "a count" : "a size")
                            + " from " + (i == 0 ? 0 : 1) + " to " + Integer.MAX_VALUE);
                }
            }
            return dims;
        }

        private static String explain(int found) {
            if (found == LABELS_MAGIC) {
                return "that of an IDX label file; are images and labels swapped?";
            }
            if (found == IMAGES_MAGIC) {
                return "that of an IDX image file; are images and labels swapped?";
            }
            if ((found >>> 16) != 0) {
                return "this is not an IDX file (its first two bytes must be zero)";
            }
            int type = (found >>> 8) & 0xFF;
            if (type != 0x08) {
                return String.format(Locale.ROOT, "IDX data of type 0x%02X; only unsigned bytes (0x08) are "
                        + "supported", type);
            }
            return (found & 0xFF) + "-dimensional unsigned-byte data";
        }

        /** Reads until {@code buffer} is full or the data end; returns the count read. */
        int readFully(byte[] buffer) {
            return readFully(buffer, 0);
        }

        /** Reads into {@code buffer} from {@code from} until it is full or the data end; returns the count read. */
        int readFully(byte[] buffer, int from) {
            int n = from;
            try {
                while (n < buffer.length) {
                    int r = in.read(buffer, n, buffer.length - n);
                    if (r < 0) {
                        break;
                    }
                    n += r;
                }
            } catch (EOFException e) {
                // A gzip stream cut short: report what arrived, as for a short plain file.
                cutShort = true;
            } catch (ZipException e) {
                throw fail(offset + n - from, "the gzip data is corrupt: " + e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the data file " + file + ": " + e.getMessage(), e);
            }
            offset += n - from;
            return n - from;
        }

        String truncation() {
            return cutShort ? " (the gzip stream ends early: the file is truncated)" : "";
        }

        /** Fails if anything follows the data (the header would then understate the content). */
        void expectEnd(String what) {
            int next;
            try {
                next = in.read();
            } catch (EOFException e) {
                throw fail(offset, "the gzip stream ends early (its trailer is missing): the file is truncated");
            } catch (ZipException e) {
                throw fail(offset, "the gzip data is corrupt: " + e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the data file " + file + ": " + e.getMessage(), e);
            }
            if (next >= 0) {
                throw fail(offset, "expected the end of the file after " + what + ", found more data");
            }
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the data file " + file, e);
            }
        }

        private static int bigEndian(byte[] b, int at) {
            return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
        }
    }
}
