package org.neurite.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.neurite.core.io.ModelFixtures.ASSEMBLER;
import static org.neurite.core.io.ModelFixtures.assertContains;
import static org.neurite.core.io.ModelFixtures.assertSameState;
import static org.neurite.core.io.ModelFixtures.model;
import static org.neurite.core.io.ModelFixtures.train;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.model.Model;

/**
 * What a save does around the atomic rename: stale temporary files, permissions, read-only
 * targets, symbolic links, and a writer killed with SIGKILL mid-save.
 */
class ModelFilesSaveHygieneTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static boolean posix() {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void aSaveDeletesTemporaryFilesThatAnInterruptedSaveOfTheSameTargetLeft() throws Exception {
        Path file = dir.resolve("m.neurite");
        Files.write(dir.resolve(".m.neurite.0123456789abcdef.tmp"), new byte[1000]);
        Files.write(dir.resolve(".other.neurite.0123456789abcdef.tmp"), new byte[10]);
        Files.write(dir.resolve(".m.neurite.notours.tmp"), new byte[10]);

        ModelFiles.save(model(), file);

        assertEquals(List.of(".m.neurite.notours.tmp", ".other.neurite.0123456789abcdef.tmp", "m.neurite"), names());
    }

    @Test
    void aTemporaryFileThatIsLockedByALiveWriterIsLeftAlone() throws Exception {
        Path file = dir.resolve("m.neurite");
        Path busy = dir.resolve(".m.neurite.00000000000000ff.tmp");
        try (FileChannel channel = FileChannel.open(busy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            ModelFiles.save(model(), file);
            assertTrue(lock.isValid());
            assertTrue(Files.exists(busy), "a locked temporary file belongs to a save in progress");
        }
    }

    @Test
    void anExistingFileKeepsItsPermissions() throws Exception {
        assumeTrue(posix(), "needs POSIX permissions");
        Path file = dir.resolve("m.neurite");
        ModelFiles.save(model(), file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        ModelFiles.save(model(), file);

        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aReadOnlyFileIsNotReplaced() throws Exception {
        assumeTrue(posix(), "needs POSIX permissions");
        Path file = dir.resolve("m.neurite");
        ModelFiles.save(model(), file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        assumeTrue(!Files.isWritable(file), "running as a user who can write read-only files (root)");
        byte[] before = Files.readAllBytes(file);
        Model other = model();
        train(other, 1);

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> ModelFiles.save(other, file));

        assertContains(e.getMessage(), "the file is read-only", "The previous file, if any, is unchanged.");
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(List.of("m.neurite"), names());
    }

    @Test
    void savingThroughASymbolicLinkReplacesTheFileItPointsToAndKeepsTheLink() throws Exception {
        Path real = Files.createDirectory(dir.resolve("store")).resolve("real.neurite");
        Path link = Files.createSymbolicLink(dir.resolve("link.neurite"), Path.of("store", "real.neurite"));
        Model first = model();
        ModelFiles.save(first, link);
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.isRegularFile(real), "a dangling link is followed to where it points");
        Model second = model();
        train(second, 1);

        ModelFiles.save(second, link);

        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertSameState(second, Model.load(real, ASSEMBLER));
        assertEquals(List.of("real.neurite"), Files.list(real.getParent()).map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void aWriterKilledMidSaveLeavesTheLastCompleteFileAndTheNextSaveCleansUp() throws Exception {
        assumeTrue(posix(), "SIGKILL semantics");
        Path file = dir.resolve("m.neurite");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        SplittableRandom random = new SplittableRandom(13);
        int leftovers = 0;
        for (int run = 0; run < 4; run++) {
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    SaveLoop.class.getName(), file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line = out.readLine();
                assertTrue(line != null && line.startsWith("saved"), "the writer saved once: " + line);
                Thread.sleep(random.nextInt(5, 60));
                p.destroyForcibly();
                p.waitFor();
            }
            leftovers += names().size() - 1;
            // Whatever moment it died at, the file is a complete model.
            Model loaded = Model.load(file, ASSEMBLER);
            assertEquals(1000, loaded.network().parameters().get(0).value().cols());
        }
        ModelFiles.save(model(), file);
        assertEquals(List.of("m.neurite"), names(), "after " + leftovers + " temporary files were left by kills");
        assertFalse(names().stream().anyMatch(n -> n.endsWith(".tmp")));
    }
}
