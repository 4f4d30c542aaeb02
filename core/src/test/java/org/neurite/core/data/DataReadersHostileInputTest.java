package org.neurite.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crafted data files whose headers or shapes claim far more than they hold: each is refused
 * (or read) without allocating what it claims. The IDX files are fixtures in
 * {@code src/test/resources/hostile}.
 */
class DataReadersHostileInputTest {
    @TempDir
    Path dir;

    static Path fixture(String name) {
        try {
            return Path.of(DataReadersHostileInputTest.class.getResource("/hostile/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
        }
    }

    @Test
    void anEightByteLabelFileClaimingTwoBillionLabelsIsTruncatedNotAnOutOfMemoryError() {
        Path file = fixture("labels-claims-2147483647.idx1");
        DataFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(DataFormatException.class, () -> IdxReader.readLabels(file)));
        assertContains(e.getMessage(), file + ": at byte 8: expected 2147483647 bytes of labels, found 0");
    }

    @Test
    void aTinyGzipFileClaimingAHugeImageIsRefusedFromItsHeader() {
        Path file = fixture("images-claims-30000x30000.idx3.gz");
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(file));
        assertContains(e.getMessage(), "the header declares 1 images of 30000×30000 (900000000 bytes) but a gzip "
                + "file of 40 bytes decompresses to at most about 41280");
    }

    @Test
    void aPlainImageFileClaimingSixtyThousandImagesIsTruncated() {
        Path file = fixture("images-claims-60000-holds-none.idx3");
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(file));
        assertContains(e.getMessage(), "at byte 16: expected 47040000 bytes of pixel data for 60000 images of 28×28, "
                + "found 0");
    }

    @Test
    void aCsvOfOneRowAndAMillionColumnsIsReadInMemoryProportionalToIt() throws Exception {
        int columns = 1_000_000;
        Path file = dir.resolve("wide.csv");
        StringBuilder row = new StringBuilder(2 * columns);
        for (int c = 0; c < columns; c++) {
            row.append(c == 0 ? "" : ",").append(c % 10);
        }
        Files.writeString(file, row + "\n", StandardCharsets.US_ASCII);

        Dataset d = CsvReader.read(file, false, 0);

        assertEquals(1, d.x().rows());
        assertEquals(columns - 1, d.x().cols());
        assertEquals(9f, d.x().get(0, columns - 2));
    }

    @Test
    void aCsvOfTwoMillionColumnsIsNotANegativeArraySize() throws Exception {
        int columns = 2_100_000;
        Path file = dir.resolve("wider.csv");
        Files.writeString(file, "1" + ",0".repeat(columns - 1) + "\n" + "2" + ",1".repeat(columns - 1) + "\n",
                StandardCharsets.US_ASCII);

        Dataset d = CsvReader.read(file, false, 0);

        assertEquals(2, d.x().rows());
        assertEquals(columns - 1, d.x().cols());
        assertEquals(2f, d.y().get(1, 0));
        assertEquals(1f, d.x().get(1, columns - 2));
    }
}
