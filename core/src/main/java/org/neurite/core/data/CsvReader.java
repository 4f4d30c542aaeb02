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
import java.util.function.Consumer;
import java.util.zip.ZipException;
import org.neurite.core.internal.Names;
import org.neurite.core.tensor.Matrix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads numeric CSV files (comma-separated, optionally quoted cells, UTF-8, plain or gzip) into a
 * data set: one column is the label, every other column a feature.
 *
 * <pre>{@code
 * Dataset train = CsvReader.read(Path.of("train.csv"), true, "label");  // header, label by name
 * Dataset iris = CsvReader.read(Path.of("iris.csv"),                   // scikit-learn's: a counts line,
 *         CsvReader.Options.indexed(4, false, 1), System.err::println); // skipped; no header; 5th column
 * }</pre>
 *
 * <p>{@code skipRows} lines are dropped unread first; then blank lines are skipped. A header line
 * made only of numbers is read as column names but reported to the warnings consumer: it is
 * usually the first row of data in a file without a header. A cell that is not a finite decimal number fails with the file,
 * the line, the column (1-based, with its header name) and the value; a row with a different
 * number of cells than the first fails with its line. Stateless and thread-safe.
 */
public final class CsvReader {
    /** The most values one matrix holds: what one {@code float[]} can. */
    static final long MAX_VALUES = Integer.MAX_VALUE - 8;
    private static final Logger LOG = LoggerFactory.getLogger(CsvReader.class);

    private CsvReader() {
    }

    /**
     * How to read a CSV file: which column is the label (by header name or 0-based index),
     * whether a header line names the columns, and how many lines to drop before it.
     *
     * @param labelName  the label column's header name, or {@code null} when given by index
     * @param labelIndex the label column's 0-based index, or -1 when given by name
     * @param header     the first line after the skipped ones names the columns
     * @param skipRows   lines dropped unread at the start of the file (blank ones included)
     */
    public record Options(String labelName, int labelIndex, boolean header, int skipRows) {
        public Options {
            if ((labelName == null) == (labelIndex < 0)) {
                throw new IllegalArgumentException("give the label column by name or by a 0-based index, "
                        + "exactly one");
            }
            if (labelName != null && !header) {
                throw new IllegalArgumentException("a label column named '" + labelName + "' needs a header "
                        + "line; without one give the column's 0-based index");
            }
            if (skipRows < 0) {
                throw new IllegalArgumentException("skip_rows must not be negative, got " + skipRows);
            }
        }

        /** The label in the column named {@code name} in the header. */
        public static Options named(String name, boolean header, int skipRows) {
            return new Options(java.util.Objects.requireNonNull(name, "name"), -1, header, skipRows);
        }

        /** The label in column {@code index} (0-based). */
        public static Options indexed(int index, boolean header, int skipRows) {
            if (index < 0) {
                throw new IllegalArgumentException("a column index must not be negative, got " + index);
            }
            return new Options(null, index, header, skipRows);
        }
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
        return read(file, Options.named(labelColumn, true, 0), message -> LOG.warn(message));
    }

    /**
     * Reads {@code file} with the label in column {@code labelColumn} (0-based).
     *
     * @return x: n×(columns − 1) features in file order; y: n×1 labels
     */
    public static Dataset read(Path file, boolean header, int labelColumn) {
        return read(file, Options.indexed(labelColumn, header, 0), message -> LOG.warn(message));
    }

    /**
     * Reads {@code file} as {@code options} say; {@code warnings} hears of what looks wrong but
     * does not stop reading (a header line made of numbers, which is usually the first row of
     * data: the file wants {@code header: false}).
     *
     * @return x: n×(columns − 1) features in file order; y: n×1 labels
     */
    public static Dataset read(Path file, Options options, Consumer<String> warnings) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(DataFiles.open(file), StandardCharsets.UTF_8), 1 << 16)) {
            return new Parse(file, reader, warnings).run(options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the data file " + file + ": " + e.getMessage(), e);
        }
    }

    /** One pass over one file. */
    private static final class Parse {
        private final Path file;
        private final BufferedReader reader;
        private int lineNumber;
        private final Consumer<String> warnings;
        private List<String> names;

        Parse(Path file, BufferedReader reader, Consumer<String> warnings) {
            this.file = file;
            this.reader = reader;
            this.warnings = warnings;
        }

        Dataset run(Options options) throws IOException {
            boolean header = options.header();
            String labelName = options.labelName();
            int labelIndex = options.labelIndex();
            for (int i = 0; i < options.skipRows(); i++) {
                if (readLine() == null) {
                    throw new DataFormatException(file, "", "the file has " + i + " lines but skip_rows is "
                            + options.skipRows() + "; nothing is left to read");
                }
            }
            String line = nextLine();
            if (line == null) {
                throw new DataFormatException(file, "", "the file is empty"
                        + (options.skipRows() > 0 ? " after the " + options.skipRows() + " skipped lines" : "")
                        + "; expected " + (header ? "a header line and " : "") + "rows of numbers");
            }
            int widthLine = lineNumber;
            int width;
            List<String> first = split(line);
            if (header) {
                names = first.stream().map(String::strip).toList();
                width = names.size();
                if (names.stream().allMatch(Parse::isDecimal)) {
                    warnings.accept(file + ": line " + widthLine + ": the header line is all numbers ("
                            + Names.shorten(line.strip()) + "), so it is probably the first row of data, read as "
                            + "column names and left out; if the file has no header set header: false (and give "
                            + "label_column as a 0-based index)");
                }
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
            int capacity = Math.max(1, Math.min(1024, (1 << 16) / features));
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
                line = readLine();
                if (line == null) {
                    return null;
                }
            } while (line.isBlank());
            return line;
        }

        /** The next line, blank or not, or {@code null} at the end. */
        private String readLine() throws IOException {
            String line;
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
            return lineNumber == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
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
