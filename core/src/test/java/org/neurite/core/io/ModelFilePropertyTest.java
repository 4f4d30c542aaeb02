package org.neurite.core.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.neurite.core.config.ConfigException;
import org.neurite.core.model.Model;

/**
 * Whatever a model file has become (bytes flipped, cut short, spliced), loading it gives the
 * saved model or a {@link ModelFormatException}: never another exception, never a partly
 * loaded model.
 */
class ModelFilePropertyTest {
    private static Path dir;
    private static byte[] saved;
    private static Model original;

    @BeforeContainer
    static void saveOnce() throws IOException {
        dir = Files.createTempDirectory("neurite-model-properties");
        original = ModelFixtures.model();
        ModelFixtures.train(original, 2);
        Path file = dir.resolve("m.neurite");
        ModelFiles.save(original, file);
        saved = Files.readAllBytes(file);
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    private static void loadsOrRefuses(byte[] bytes) throws IOException {
        Path file = dir.resolve("mutated.neurite");
        Files.write(file, bytes);
        try {
            Model m = Model.load(file, ModelFixtures.ASSEMBLER);
            // Only bytes no checksum covers (zip header times, attributes) may change and still load.
            ModelFixtures.assertSameState(original, m);
        } catch (ModelFormatException e) {
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
            assertTrue(e.getMessage().length() < 3000, "a short message: " + e.getMessage().length());
        } catch (ConfigException e) {
            throw new AssertionError("a checksummed configuration cannot change: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new AssertionError("a readable file is never an I/O error: " + e.getMessage(), e);
        }
    }

    @Property(tries = 300, seed = "29")
    void aFlippedBitAnywhereLoadsTheSameModelOrIsRefused(@ForAll("positions") int at, @ForAll("bits") int bit)
            throws IOException {
        byte[] copy = saved.clone();
        copy[at] ^= (byte) (1 << bit);
        loadsOrRefuses(copy);
    }

    @Property(tries = 150, seed = "31")
    void everyTruncationIsRefused(@ForAll("positions") int length) throws IOException {
        Path file = dir.resolve("cut.neurite");
        Files.write(file, Arrays.copyOf(saved, length));
        try {
            Model.load(file, ModelFixtures.ASSEMBLER);
            throw new AssertionError("a file cut to " + length + " of " + saved.length + " bytes loaded");
        } catch (ModelFormatException e) {
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        }
    }

    @Property(tries = 150, seed = "37")
    void aSplicedRangeOfBytesLoadsTheSameModelOrIsRefused(@ForAll("splices") byte[] bytes) throws IOException {
        loadsOrRefuses(bytes);
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, saved.length - 1);
    }

    @Provide
    Arbitrary<Integer> bits() {
        return Arbitraries.integers().between(0, 7);
    }

    /** A copy with a range of bytes overwritten by another range of the same file (length kept). */
    @Provide
    Arbitrary<byte[]> splices() {
        Arbitrary<Integer> from = Arbitraries.integers().between(0, saved.length - 1);
        Arbitrary<Integer> to = Arbitraries.integers().between(0, saved.length - 1);
        Arbitrary<Integer> length = Arbitraries.integers().between(1, 64);
        return Combinators.combine(from, to, length).as((f, t, n) -> {
            byte[] copy = saved.clone();
            int count = Math.min(n, Math.min(saved.length - f, saved.length - t));
            System.arraycopy(saved, f, copy, t, count);
            return copy;
        });
    }
}
