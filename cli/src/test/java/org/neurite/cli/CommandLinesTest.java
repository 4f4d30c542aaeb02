package org.neurite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.config.ConfigException;
import org.neurite.core.io.Npy;
import org.neurite.core.tensor.Matrix;
import picocli.CommandLine.Command;

/** The shared plumbing: exit codes, output checks, plugin folders and matrix files. */
class CommandLinesTest {
    @TempDir
    Path dir;

    @Command(name = "throws")
    static final class Throws implements Callable<Integer> {
        private final RuntimeException e;

        Throws(RuntimeException e) {
            this.e = e;
        }

        @Override
        public Integer call() {
            throw e;
        }
    }

    private static int exit(RuntimeException e, ByteArrayOutputStream err) {
        return CommandLines.execute(new Throws(e), new String[0], new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void theUsersMistakesExitWithTwoAndOneMessageEverythingElseWithOneAndItsTrace() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, exit(new ConfigException("a.yaml", "loss", "missing"), err));
        assertEquals("error: a.yaml: loss: missing" + System.lineSeparator(), err.toString(StandardCharsets.UTF_8));
        assertEquals(2, exit(new UsageException("no such input"), new ByteArrayOutputStream()));
        assertEquals(2, exit(new UncheckedIOException(new NoSuchFileException("x.csv")), new ByteArrayOutputStream()));
        ByteArrayOutputStream bug = new ByteArrayOutputStream();
        assertEquals(1, exit(new IllegalStateException("a bug"), bug));
        assertTrue(bug.toString(StandardCharsets.UTF_8).contains("\tat "), "a bug keeps its stack trace");
        assertEquals(1, exit(new UncheckedIOException(new java.io.IOException("disk full")), new ByteArrayOutputStream()));
    }

    @Test
    void outputPathsAreCheckedBeforeAnyWork() throws Exception {
        CommandLines.checkOutputFile(dir.resolve("m.neurite"), "--save");
        UsageException missingDir = assertThrows(UsageException.class,
                () -> CommandLines.checkOutputFile(dir.resolve("no/m.neurite"), "--save"));
        assertTrue(missingDir.getMessage().startsWith("--save "), missingDir.getMessage());
        assertTrue(missingDir.getMessage().contains("does not exist; create it first"), missingDir.getMessage());
        assertThrows(UsageException.class, () -> CommandLines.checkOutputFile(dir, "--save"));

        Path file = Files.writeString(dir.resolve("plots"), "");
        UsageException plotIsFile = assertThrows(UsageException.class,
                () -> CommandLines.checkOutputDirectory(file, "--plot"));
        assertTrue(plotIsFile.getMessage().contains("is a file"), plotIsFile.getMessage());
        CommandLines.checkOutputDirectory(dir.resolve("new-plots"), "--plot");
        assertThrows(UsageException.class, () -> CommandLines.checkOutputDirectory(dir.resolve("a/b"), "--plot"));
    }

    @Test
    void pluginFoldersAreSearchedInOrderAndDescribed() throws Exception {
        Path one = Files.createDirectories(dir.resolve("one"));
        Files.write(one.resolve("b.jar"), new byte[0]);
        Files.write(one.resolve("a.jar"), new byte[0]);
        Files.write(one.resolve("notes.txt"), new byte[0]);
        Path two = Files.createDirectories(dir.resolve("two"));
        Path home = dir.resolve("home");
        PluginPath path = PluginPath.of(List.of(one), two + java.io.File.pathSeparator + dir.resolve("gone"), home);
        assertEquals(List.of(one.resolve("a.jar"), one.resolve("b.jar")), path.jars());
        assertEquals(List.of("--plugins", "NEURITE_PLUGINS", "NEURITE_PLUGINS", "installation"),
                path.locations().stream().map(PluginPath.Location::origin).toList());
        String described = path.describe();
        assertTrue(described.contains(one + " (--plugins): 2 jars"), described);
        assertTrue(described.contains(two + " (NEURITE_PLUGINS): 0 jars"), described);
        assertTrue(described.contains(dir.resolve("gone") + " (NEURITE_PLUGINS): does not exist"), described);
        assertTrue(described.contains(home.resolve("plugins") + " (installation): does not exist"), described);
        assertEquals("--plugins", path.locationOf(one.resolve("a.jar").toString()).origin());

        assertThrows(UsageException.class, () -> PluginPath.of(List.of(dir.resolve("nowhere")), null, null));
        assertThrows(UsageException.class, () -> PluginPath.of(List.of(one.resolve("notes.txt")), null, null));
        ClassLoader parent = getClass().getClassLoader();
        assertEquals(parent, PluginPath.of(List.of(two), null, null).loader(parent), "no jars, no new loader");
    }

    @Test
    void matricesRoundTripThroughCsvAndNpyBitForBit() throws Exception {
        Matrix m = Matrix.of(new float[] {0.1f, -0f, 1e-30f}, new float[] {3.4028235e38f, 1.17549435E-38f, 7f});
        for (String name : List.of("m.csv", "m.npy")) {
            Path file = dir.resolve(name);
            try (var out = Files.newOutputStream(file)) {
                MatrixFiles.write(m, MatrixFiles.format(file, "--output"), out);
            }
            Matrix back = MatrixFiles.read(file, "--input", false);
            assertEquals(m, back, name);
            for (int i = 0; i < m.size(); i++) {
                assertEquals(Float.floatToRawIntBits(m.data()[i]), Float.floatToRawIntBits(back.data()[i]), name);
            }
        }
    }

    @Test
    void badMatrixFilesSayWhereAndWhat() throws Exception {
        Path ragged = Files.writeString(dir.resolve("r.csv"), "1,2\n3\n");
        assertTrue(assertThrows(UsageException.class, () -> MatrixFiles.read(ragged, "--input", false))
                .getMessage().contains("line 2 has 1 values, the first row 2"));
        Path header = Files.writeString(dir.resolve("h.csv"), "a,b\n1,2\n");
        assertTrue(assertThrows(UsageException.class, () -> MatrixFiles.read(header, "--input", false))
                .getMessage().contains("give --header"));
        assertEquals(1, MatrixFiles.read(header, "--input", true).rows());
        Path inf = Files.writeString(dir.resolve("i.csv"), "1,Infinity\n");
        assertTrue(assertThrows(UsageException.class, () -> MatrixFiles.read(inf, "--input", false))
                .getMessage().contains("row 1, column 2 is Infinity"));
        Path cube = Files.write(dir.resolve("c.npy"), Npy.write(new float[8], 2, 2, 2));
        assertTrue(assertThrows(UsageException.class, () -> MatrixFiles.read(cube, "--input", false))
                .getMessage().contains("(2, 2, 2)"));
        Path junk = Files.write(dir.resolve("j.npy"), new byte[] {1, 2, 3});
        assertThrows(UsageException.class, () -> MatrixFiles.read(junk, "--input", false));
        assertThrows(UsageException.class, () -> MatrixFiles.format(dir.resolve("x.txt"), "--input"));
        assertThrows(UsageException.class, () -> MatrixFiles.read(dir.resolve("none.csv"), "--input", false));
    }
}
