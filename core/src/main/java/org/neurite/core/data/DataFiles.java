package org.neurite.core.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens data files, decompressing gzip ones, recognised by their magic bytes. */
final class DataFiles {
    private static final int BUFFER = 1 << 16;

    private DataFiles() {
    }

    /** {@code true} if {@code in}'s next two bytes are the gzip magic 1f 8b; {@code in} is reset. */
    static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b;
    }

    /** The file's content, decompressed if it is gzip data whatever its name. */
    static InputStream open(Path file) {
        try {
            BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
            try {
                return isGzip(raw) ? new GZIPInputStream(raw, BUFFER) : raw;
            } catch (java.io.EOFException | java.util.zip.ZipException e) {
                raw.close();
                throw new DataFormatException(file, "", "the file starts like gzip data (1f 8b) but its gzip "
                        + "header is truncated or damaged: " + e.getMessage());
            } catch (IOException e) {
                raw.close();
                throw e;
            }
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("there is no data file " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the data file " + file + ": " + e.getMessage(), e);
        }
    }
}
