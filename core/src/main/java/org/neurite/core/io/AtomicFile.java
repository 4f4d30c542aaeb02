package org.neurite.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Writes a file atomically: into a temporary file in the same directory, which is flushed to
 * disk and then renamed over the target, after which the directory is flushed too. Readers see
 * the old file or the new one, never a partial one; on any failure the temporary file is
 * deleted and the old file is untouched.
 *
 * <ul>
 *   <li>The temporary file is {@code .<name>.<16 hex digits>.tmp}, locked while it is written.
 *       A process killed mid-save leaves one behind; the next save of the same target deletes
 *       every such file nobody holds a lock on.</li>
 *   <li>An existing target keeps its POSIX permissions. A target that is not writable (such as
 *       mode 444) is not replaced: the save fails and says so.</li>
 *   <li>A target that is a symbolic link is followed: the file it points to is replaced
 *       (atomically, in that file's directory) and the link stays a link.</li>
 * </ul>
 *
 * <p>Model files use it, and so may any writer of another format (ONNX export does).
 */
public final class AtomicFile {
    private static final SplittableRandom RANDOM = new SplittableRandom();
    private static final int MAX_LINKS = 40;
    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    /** Writes the content; the stream is flushed and synced afterwards, and need not be closed. */
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Replaces {@code file} (or the file it links to) with what {@code body} writes.
     *
     * @throws UncheckedIOException if writing, syncing or renaming fails, or the existing file
     *                              is read-only or not a regular file; the previous content
     *                              of {@code file}, if any, is then unchanged
     */
    public static void write(Path file, Body body) {
        Path target;
        Set<PosixFilePermission> permissions = null;
        try {
            target = followLinks(file.toAbsolutePath());
            if (Files.exists(target)) {
                if (!Files.isRegularFile(target)) {
                    throw new FileSystemException(target.toString(), null, "it exists and is not a regular file; "
                            + "a model is saved as a regular file");
                }
                if (!Files.isWritable(target)) {
                    throw new AccessDeniedException(target.toString(), null, "the file is read-only; make it "
                            + "writable or save to another file");
                }
                PosixFileAttributeView posix = Files.getFileAttributeView(target, PosixFileAttributeView.class);
                if (posix != null) {
                    permissions = posix.readAttributes().permissions();
                }
            }
        } catch (IOException e) {
            throw failure(file, e);
        }
        Path dir = target.getParent();
        String name = target.getFileName().toString();
        deleteStaleTemporaries(dir, name);
        Path temp = dir.resolve("." + name + "." + temporarySuffix() + ".tmp");
        boolean moved = false;
        try {
            // CREATE_NEW (not createTempFile) so the file gets the usual permissions, not 0600.
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                // Held until the rename: a concurrent save's cleanup leaves a locked file alone.
                FileLock lock = channel.tryLock();
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                body.write(out);
                out.flush();
                channel.force(true);
                if (permissions != null) {
                    Files.setPosixFilePermissions(temp, permissions);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                moved = true;
                if (lock != null && lock.isValid()) {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw failure(file, e);
        } finally {
            if (!moved) {
                deleteQuietly(temp);
            }
        }
        syncDirectory(file, dir);
    }

    private static UncheckedIOException failure(Path file, IOException e) {
        return new UncheckedIOException("cannot save " + file + ": " + e.getMessage()
                + ". The previous file, if any, is unchanged.", e);
    }

    /** {@code path} with every symbolic link in its last element followed, even to a file not yet there. */
    static Path followLinks(Path path) throws IOException {
        Path p = path;
        for (int i = 0; Files.isSymbolicLink(p); i++) {
            if (i == MAX_LINKS) {
                throw new FileSystemException(path.toString(), null, "more than " + MAX_LINKS
                        + " symbolic links in a row (a loop?)");
            }
            p = p.getParent().resolve(Files.readSymbolicLink(p)).toAbsolutePath().normalize();
        }
        return p;
    }

    private static synchronized String temporarySuffix() {
        return HexFormat.of().toHexDigits(RANDOM.nextLong());
    }

    /**
     * Deletes the temporary files an interrupted save of {@code name} left in {@code dir}:
     * those of this target's name pattern that no live writer holds a lock on.
     */
    static void deleteStaleTemporaries(Path dir, String name) {
        Pattern pattern = Pattern.compile("\\." + Pattern.quote(name) + "\\.[0-9a-f]{16}\\.tmp");
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(dir,
                p -> pattern.matcher(p.getFileName().toString()).matches())) {
            for (Path candidate : candidates) {
                deleteIfUnlocked(candidate);
            }
        } catch (IOException | UncheckedIOException e) {
            // Cleanup is best effort: a leftover temporary file never has the target's name.
        }
    }

    private static void deleteIfUnlocked(Path candidate) {
        if (!Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(candidate, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                Files.deleteIfExists(candidate);
                lock.release();
            }
        } catch (OverlappingFileLockException e) {
            // Another thread of this JVM is writing it.
        } catch (IOException e) {
            // Locked by another process, or already gone.
        }
    }

    /** Makes the rename itself durable; fails where the platform could but did not. */
    private static void syncDirectory(Path file, Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            if (!WINDOWS) {
                // Windows cannot open a directory; elsewhere an unsynced rename may not survive a crash.
                throw new UncheckedIOException("saved " + file + ", but its directory " + dir + " could not be "
                        + "synced, so the new file may not survive a power loss: " + e,
                        e instanceof IOException io ? io : new IOException(e));
            }
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
