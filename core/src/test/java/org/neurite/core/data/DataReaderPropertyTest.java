package org.neurite.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.neurite.core.tensor.Matrix;

/**
 * Whatever bytes a data file holds, the IDX and CSV readers return data of the declared shape
 * or throw a {@link DataFormatException} naming the file: never another exception.
 */
class DataReaderPropertyTest {
    private static Path dir;
    private static final byte[] IMAGES = IdxFiles.images(3, 4, 5, IdxFiles.ramp(3, 20));
    private static final byte[] LABELS = IdxFiles.labels(1, 2, 3);
    private static final byte[] IMAGES_GZ = IdxFiles.gzip(IMAGES);
    private static final String CSV = "label,a,b\n1,0.5,-2\n0,\"3\",4e-1\n\n2,1,1\n";

    @BeforeContainer
    static void makeDirectory() throws IOException {
        dir = Files.createTempDirectory("neurite-data-properties");
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

    private static Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static void refusedWithItsName(DataFormatException e, Path file) {
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().length() < 3000, "a short message: " + e.getMessage().length());
    }

    @Property(tries = 300, seed = "41")
    void mutatedIdxImagesReadWithTheirDeclaredShapeOrAreRefused(@ForAll("mutatedImages") byte[] bytes)
            throws IOException {
        Path file = write("images", bytes);
        try {
            Matrix m = IdxReader.readImages(file);
            assertEquals(m.rows() * m.cols(), m.size());
        } catch (DataFormatException e) {
            refusedWithItsName(e, file);
        }
    }

    @Property(tries = 200, seed = "43")
    void mutatedGzipIdxImagesReadOrAreRefused(@ForAll("mutatedGzip") byte[] bytes) throws IOException {
        Path file = write("images.gz", bytes);
        try {
            IdxReader.readImages(file);
        } catch (DataFormatException e) {
            refusedWithItsName(e, file);
        }
    }

    @Property(tries = 200, seed = "47")
    void mutatedIdxLabelsReadOrAreRefused(@ForAll("mutatedLabels") byte[] bytes) throws IOException {
        Path file = write("labels", bytes);
        try {
            int[] labels = IdxReader.readLabels(file);
            assertTrue(Arrays.stream(labels).allMatch(l -> l >= 0 && l <= 255));
        } catch (DataFormatException e) {
            refusedWithItsName(e, file);
        }
    }

    @Property(tries = 300, seed = "53")
    void mutatedCsvReadsWithOneLabelPerRowOrIsRefused(@ForAll("mutatedCsv") byte[] bytes) throws IOException {
        Path file = write("data.csv", bytes);
        try {
            Dataset d = CsvReader.read(file, true, "label");
            assertEquals(d.x().rows(), d.y().rows());
            assertEquals(1, d.y().cols());
        } catch (DataFormatException e) {
            refusedWithItsName(e, file);
        }
    }

    @Provide
    Arbitrary<byte[]> mutatedImages() {
        return mutations(IMAGES);
    }

    @Provide
    Arbitrary<byte[]> mutatedGzip() {
        return mutations(IMAGES_GZ);
    }

    @Provide
    Arbitrary<byte[]> mutatedLabels() {
        return mutations(LABELS);
    }

    @Provide
    Arbitrary<byte[]> mutatedCsv() {
        return mutations(CSV.getBytes(StandardCharsets.UTF_8));
    }

    /** One byte set to an arbitrary value, one bit flipped, or the file cut short. */
    private static Arbitrary<byte[]> mutations(byte[] valid) {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, valid.length - 1);
        Arbitrary<Byte> value = Arbitraries.bytes();
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 2);
        return Combinators.combine(at, value, kind).as((a, v, k) -> {
            byte[] copy = valid.clone();
            switch (k) {
                case 0 -> copy[a] = v;
                case 1 -> copy[a] ^= (byte) (1 << (v & 7));
                default -> {
                    return Arrays.copyOf(valid, a);
                }
            }
            return copy;
        });
    }
}
