package org.neurite.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.tensor.Matrix;

class CsvReaderTest {
    @TempDir
    Path dir;

    private Path csv(String name, String text) {
        return IdxFiles.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    private DataFormatException error(Path file) {
        return assertThrows(DataFormatException.class, () -> CsvReader.read(file, true, "label"));
    }

    @Test
    void readsAHeaderAndTakesTheLabelColumnByName() {
        Path f = csv("train.csv", "a,label,b\n1,0,2.5\n-3,1,4e-1\n\n5,2,+6\n");
        Dataset d = CsvReader.read(f, true, "label");
        assertEquals(Matrix.of(new float[][] {{1, 2.5f}, {-3, 0.4f}, {5, 6}}), d.x());
        assertEquals(Matrix.of(new float[][] {{0}, {1}, {2}}), d.y());
    }

    @Test
    void readsWithoutAHeaderAndTakesTheLabelColumnByIndex() {
        Path f = csv("iris.csv", "5.1,3.5,0\n4.9,3.0,1\n");
        Dataset d = CsvReader.read(f, false, 2);
        assertEquals(Matrix.of(new float[][] {{5.1f, 3.5f}, {4.9f, 3.0f}}), d.x());
        assertEquals(Matrix.of(new float[][] {{0}, {1}}), d.y());
    }

    @Test
    void quotedCellsSpacesAByteOrderMarkAndGzipAreAccepted() {
        String text = "\uFEFF\"label\", \"x,1\"\n\" 1 \", 2\n";
        Dataset plain = CsvReader.read(csv("q.csv", text), true, "label");
        assertEquals(Matrix.of(new float[][] {{2}}), plain.x());
        assertEquals(Matrix.of(new float[][] {{1}}), plain.y());
        Path zipped = IdxFiles.write(dir.resolve("q.csv.gz"), IdxFiles.gzip(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(plain, CsvReader.read(zipped, true, "label"));
    }

    @Test
    void aNonNumericCellGivesFileLineColumnAndValue() {
        Path f = csv("train.csv", "label,pixel1,pixel2\n0,1,2\n1,3,abc\n");
        assertEquals(f + ": line 3, column 3 (pixel2): expected a number, found 'abc'", error(f).getMessage());
        Path noHeader = csv("raw.csv", "0,1\n1,NaN\n");
        assertEquals(noHeader + ": line 2, column 2: expected a number, found 'NaN'",
                assertThrows(DataFormatException.class, () -> CsvReader.read(noHeader, false, 0)).getMessage());
        Path empty = csv("empty-cell.csv", "label,x\n1,\n");
        assertEquals(empty + ": line 2, column 2 (x): expected a number, found an empty cell", error(empty).getMessage());
        Path huge = csv("huge.csv", "label,x\n1,1e999\n");
        assertEquals(huge + ": line 2, column 2 (x): expected a number within float range, found '1e999'",
                error(huge).getMessage());
    }

    @Test
    void aRaggedRowGivesItsLine() {
        Path f = csv("train.csv", "label,a,b\n0,1,2\n\n1,3\n");
        assertEquals(f + ": line 4: expected 3 cells, as in the header (line 1), found 2", error(f).getMessage());
    }

    @Test
    void anUnknownLabelColumnNamesTheClosestMatchAndTheColumns() {
        Path f = csv("train.csv", "label,a,b\n0,1,2\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvReader.read(f, true, "lable"));
        assertEquals(f + ": line 1: the header has no column named 'lable'. Did you mean 'label'? "
                + "Columns: label, a, b.", e.getMessage());
        DataFormatException index = assertThrows(DataFormatException.class, () -> CsvReader.read(f, true, 3));
        assertEquals(f + ": line 1: the label column index 3 (0-based) is outside the 3 columns (0 to 2)",
                index.getMessage());
    }

    @Test
    void emptyFilesAndHeaderOnlyFilesAreRefused() {
        Path empty = csv("empty.csv", "\n");
        assertEquals(empty + ": the file is empty; expected a header line and rows of numbers", error(empty).getMessage());
        Path headerOnly = csv("header.csv", "label,x\n");
        assertEquals(headerOnly + ": the file has a header but no rows of data", error(headerOnly).getMessage());
    }

    @Test
    void anUnclosedQuoteIsRefused() {
        Path f = csv("q.csv", "label,x\n1,\"2\n");
        assertEquals(f + ": line 2: a quoted cell is not closed (quoted cells cannot span lines)", error(f).getMessage());
    }

    @Test
    void aLabelNameWithoutAHeaderIsAProgrammingError() {
        Path f = csv("raw.csv", "0,1\n");
        assertThrows(IllegalArgumentException.class, () -> CsvReader.read(f, false, "label"));
    }

    @Test
    void manyRowsGrowTheBuffersWithoutLosingAny() {
        StringBuilder sb = new StringBuilder("label,x,y\n");
        for (int i = 0; i < 3000; i++) {
            sb.append(i % 10).append(',').append(i).append(',').append(-i).append('\n');
        }
        Dataset d = CsvReader.read(csv("big.csv", sb.toString()), true, "label");
        assertEquals(3000, d.size());
        assertEquals(2999f, d.x().get(2999, 0));
        assertEquals(-2999f, d.x().get(2999, 1));
        assertEquals(9f, d.y().get(2999, 0));
    }
}
