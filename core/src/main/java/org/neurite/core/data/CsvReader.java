package org.neurite.core.data;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipException;
import org.neurite.core.internal.Names;
import org.neurite.core.tensor.Matrix;

/**
 * Reads numeric CSV files (comma-separated, optionally quoted cells, UTF-8, plain or gzip) into a
 * data set: one column is the label, every other column a feature.
 *
 * <pre>{@code
 * Dataset train = CsvReader.read(Path.of("train.csv"), true, "label");  // header, label by name
 * Dataset iris = CsvReader.read(Path.of("iris.csv"), false, 4);         // no header, 5th column
 * }</pre>
 *
 * <p>Blank lines are skipped. A cell that is not a finite decimal number fails with the file,
 * the line, the column (1-based, with its header name) and the value; a row with a different
 * number of cells than the first fails with its line. Stateless and thread-safe.
 */
public final class CsvReader {
    /** The most values one matrix holds: what one {@code float[]} can. */
    static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    private CsvReader() {
    }

    /**
     * Reads {@code file} with the label in the column named {@code labelColumn} in its header.
     *
     * @return x: n×(columns − 1) features in file order; y: n×1 labels
     */
    public static Dataset read(Path file, boolean header, String labelColumn) {
        if (!header) {
            throw new IllegalArgumentException("a label column named '" + labelColumn + "' needs a header "
                    + "line; without one give the column's 0-based index");
        }
        return read(file, true, labelColumn, -1);
    }

    /**
     * Reads {@code file} with the label in column {@code labelColumn} (0-based).
     *
     * @return x: n×(columns − 1) features in file order; y: n×1 labels
     */
    public static Dataset read(Path file, boolean header, int labelColumn) {
        if (labelColumn < 0) {
            throw new IllegalArgumentException("a column index must not be negative, got " + labelColumn);
        }
        return read(file, header, null, labelColumn);
    }

    private static Dataset read(Path file, boolean header, String labelName, int labelIndex) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(DataFiles.open(file), StandardCharsets.UTF_8), 1 << 16)) {
            return new Parse(file, reader).run(header, labelName, labelIndex);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the data file " + file + ": " + e.getMessage(), e);
        }
    }

    /** One pass over one file. */
    private static final class Parse {
        private final Path file;
        private final BufferedReader reader;
        private int lineNumber;
        private List<String> names;

        Parse(Path file, BufferedReader reader) {
            this.file = file;
            this.reader = reader;
        }

        Dataset run(boolean header, String labelName, int labelIndex) throws IOException {
            String line = nextLine();
            if (line == null) {
                throw new DataFormatException(file, "", "the file is empty; expected "
                        + (header ? "a header line and " : "") + "rows of numbers");
            }
            int widthLine = lineNumber;
            int width;
            List<String> first = split(line);
            if (header) {
                names = first.stream().map(String::strip).toList();
                width = names.size();
                line = nextLine();
            } else {
                width = first.size();
            }
            int label = labelName != null ? indexOf(labelName, widthLine) : labelIndex;
            if (label >= width) {
                throw new DataFormatException(file, "line " + widthLine, "the label column index " + label
                        + " (0-based) is outside the " + width + " columns (0 to " + (width - 1) + ")");
            }
            if (width < 2) {
                throw new DataFormatException(file, "line " + widthLine, "expected a label column and at least "
                        + "one feature column, found " + width + " column");
            }
            int features = width - 1;
            // Start with room for about 64K values and double: memory follows the rows read.
            int capacity = (int) Math.max(1, Math.min(1024, (1 << 16) / features));
            float[] x = new float[capacity * features];
            float[] y = new float[capacity];
            int rows = 0;
            for (; line != null; line = nextLine()) {
                List<String> cells = split(line);
                if (cells.size() != width) {
                    throw new DataFormatException(file, "line " + lineNumber, "expected " + width + " cells, as "
                            + (header ? "in the header" : "on the first row") + " (line " + widthLine + "), found "
                            + cells.size());
                }
                if (rows == y.length) {
                    long grown = Math.min(2L * rows, MAX_VALUES / features);
                    if (grown == rows) {
                        throw new DataFormatException(file, "line " + lineNumber, "the file holds more than "
                                + rows + " rows of " + features + " features, more than one matrix holds ("
                                + MAX_VALUES + " values)");
                    }
                    y = Arrays.copyOf(y, (int) grown);
                    x = Arrays.copyOf(x, (int) (grown * features));
                }
                int at = rows * features;
                for (int c = 0; c < width; c++) {
                    float v = number(cells.get(c), c);
                    if (c == label) {
                        y[rows] = v;
                    } else {
                        x[at++] = v;
                    }
                }
                rows++;
            }
            if (rows == 0) {
                throw new DataFormatException(file, "", "the file has a header but no rows of data");
            }
            return new Dataset(Matrix.wrap(rows, features, Arrays.copyOf(x, rows * features)),
                    Matrix.wrap(rows, 1, Arrays.copyOf(y, rows)));
        }

        private int indexOf(String name, int headerLine) {
            int i = names.indexOf(name);
            if (i < 0) {
                String columns = names.size() <= 20 ? String.join(", ", names)
                        : String.join(", ", names.subList(0, 20)) + ", … (" + names.size() + " in all)";
                throw new DataFormatException(file, "line " + headerLine, "the header has no column named '" + name + "'. "
                        + Names.didYouMean(name, names) + "Columns: " + columns + ".");
            }
            return i;
        }

        private String nextLine() throws IOException {
            String line;
            do {
                try {
                    line = reader.readLine();
                } catch (EOFException e) {
                    throw new DataFormatException(file, "line " + (lineNumber + 1),
                            "the gzip stream ends early: the file is truncated");
                } catch (ZipException e) {
                    throw new DataFormatException(file, "line " + (lineNumber + 1),
                            "the gzip data is corrupt: " + e.getMessage());
                }
                if (line == null) {
                    return null;
                }
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
            } while (line.isBlank());
            return line;
        }

        private float number(String cell, int column) {
            String s = cell.strip();
            if (!isDecimal(s)) {
                throw new DataFormatException(file, where(column), "expected a number, found "
                        + (s.isEmpty() ? "an empty cell" : "'" + cell + "'"));
            }
            float v = Float.parseFloat(s);
            if (!Float.isFinite(v)) {
                throw new DataFormatException(file, where(column), "expected a number within float range, found '"
                        + cell + "'");
            }
            return v;
        }

        private String where(int column) {
            return "line " + lineNumber + ", column " + (column + 1)
                    + (names != null ? " (" + names.get(column) + ")" : "");
        }

        /** Splits at commas outside double quotes; a doubled quote inside quotes is one quote. */
        private List<String> split(String line) {
            List<String> cells = new ArrayList<>();
            if (line.indexOf('"') < 0) {
                int start = 0;
                for (int i = line.indexOf(','); i >= 0; i = line.indexOf(',', start)) {
                    cells.add(line.substring(start, i));
                    start = i + 1;
                }
                cells.add(line.substring(start));
                return cells;
            }
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        cell.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(ch);
                }
            }
            if (quoted) {
                throw new DataFormatException(file, "line " + lineNumber, "a quoted cell is not closed "
                        + "(quoted cells cannot span lines)");
            }
            cells.add(cell.toString());
            return cells;
        }

        /** An optional sign, digits with at most one point, an optional exponent. */
        private static boolean isDecimal(String s) {
            int i = 0;
            int n = s.length();
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int digits = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
            }
            if (i < n && s.charAt(i) == '.') {
                i++;
                while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                    digits++;
                }
            }
            if (digits == 0) {
                return false;
            }
            if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                i++;
                if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                    i++;
                }
                int exponent = 0;
                while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                    exponent++;
                }
                if (exponent == 0) {
                    return false;
                }
            }
            return i == n;
        }
    }
}
