package org.neurite.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Writes a file atomically: into a temporary file in the same directory, which is flushed to
 * disk and then renamed over the target. Readers see the old file or the new one, never a
 * partial one; on any failure the temporary file is deleted and the old file is untouched.
 */
final class AtomicFile {
    private static final SplittableRandom RANDOM = new SplittableRandom();

    /** Writes the content; the stream is flushed and synced afterwards, and need not be closed. */
    interface Body {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Replaces {@code file} with what {@code body} writes.
     *
     * @throws UncheckedIOException if writing, syncing or renaming fails; the previous content
     *                              of {@code file}, if any, is then unchanged
     */
    static void write(Path file, Body body) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path temp = dir.resolve("." + target.getFileName() + "." + temporarySuffix() + ".tmp");
        boolean moved = false;
        try {
            // CREATE_NEW (not createTempFile) so the file gets the usual permissions, not 0600.
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                body.write(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + file + ": " + e
                    + ". The previous file, if any, is unchanged.", e);
        } finally {
            if (!moved) {
                deleteQuietly(temp);
            }
        }
    }

    private static synchronized String temporarySuffix() {
        return HexFormat.of().toHexDigits(RANDOM.nextLong());
    }

    /** Makes the rename itself durable where the platform allows it. */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms (Windows) cannot open a directory; the file content is already synced.
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // The original failure matters more; a leftover .tmp file never has the target's name.
        }
    }
}
