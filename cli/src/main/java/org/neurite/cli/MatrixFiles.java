package org.neurite.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.neurite.core.io.Npy;
import org.neurite.core.tensor.Matrix;

/**
 * Matrices in files: {@code .npy} (float32, 2-D, or 1-D as one row) and {@code .csv} (one row
 * per line, comma-separated decimals, an optional header line). Values are written with
 * {@link Float#toString(float)}, the shortest text that reads back to the same float.
 */
final class MatrixFiles {
    /** The largest input file read, in bytes. */
    static final long MAX_BYTES = 1L << 30;

    private MatrixFiles() {
    }

    /** The file's format from its name: {@code npy} or {@code csv}; {@code what} names it in the message. */
    static String format(Path file, String what) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) {
            return "npy";
        }
        if (name.endsWith(".csv")) {
            return "csv";
        }
        throw new UsageException(what + " " + file + ": unknown format; accepted: a .npy or a .csv file");
    }

    /**
     * Reads a matrix from {@code file}.
     *
     * @param header skip the first line of a CSV file
     * @throws UsageException if the file is missing, too large or malformed, or holds a value
     *                        that is not finite
     */
    static Matrix read(Path file, String what, boolean header) {
        CommandLines.checkInputFile(file, what);
        String format = format(file, what);
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new UsageException(what + " " + file + " has " + Files.size(file) + " bytes; at most "
                        + MAX_BYTES + " are read");
            }
            Matrix m = format.equals("npy") ? readNpy(file, what) : readCsv(file, what, header);
            requireFinite(m, what + " " + file);
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " " + file + ": " + e.getMessage(), e);
        }
    }

    private static Matrix readNpy(Path file, String what) throws IOException {
        Npy.Array a;
        try {
            a = Npy.read(Files.readAllBytes(file));
        } catch (IllegalArgumentException e) {
            throw new UsageException(what + " " + file + ": " + e.getMessage(), e);
        }
        int[] s = a.shape();
        if (s.length == 2) {
            return Matrix.wrap(s[0], s[1], a.data());
        }
        if (s.length == 1) {
            return Matrix.wrap(1, s[0], a.data());
        }
        throw new UsageException(what + " " + file + " has shape " + a.shapeString() + "; accepted: (rows, columns) "
                + "or (columns,) for one row");
    }

    private static Matrix readCsv(Path file, String what, boolean header) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readCsv(in, what + " " + file, header);
        }
    }

    /** Reads CSV rows from {@code in}; {@code source} names it in messages. */
    static Matrix readCsv(InputStream in, String source, boolean header) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        float[] data = new float[1024];
        int rows = 0;
        int cols = -1;
        int size = 0;
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (header && number == 1 || line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cols < 0) {
                cols = cells.length;
            } else if (cells.length != cols) {
                throw new UsageException(source + ": line " + number + " has " + cells.length + " values, the first row "
                        + cols);
            }
            if (size + cols > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, size + cols));
            }
            for (int c = 0; c < cols; c++) {
                String cell = cells[c].trim();
                try {
                    data[size++] = Float.parseFloat(cell);
                } catch (NumberFormatException e) {
                    throw new UsageException(source + ": line " + number + ", column " + (c + 1) + ": '" + cell
                            + "' is not a number" + (number == 1 ? " (a header line? give --header)" : ""));
                }
            }
            rows++;
        }
        if (rows == 0) {
            throw new UsageException(source + " holds no rows");
        }
        return Matrix.wrap(rows, cols, Arrays.copyOf(data, size));
    }

    /** Fails unless every value of {@code m} is finite, naming the first that is not. */
    static void requireFinite(Matrix m, String source) {
        if (m.isFinite()) {
            return;
        }
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) {
                if (!Float.isFinite(m.get(r, c))) {
                    throw new UsageException(source + ": row " + (r + 1) + ", column " + (c + 1) + " is " + m.get(r, c)
                            + "; every value must be finite");
                }
            }
        }
    }

    /** Writes {@code m} in {@code format} ({@code npy} or {@code csv}) to {@code out}. */
    static void write(Matrix m, String format, OutputStream out) throws IOException {
        if (format.equals("npy")) {
            out.write(Npy.write(m.data(), m.rows(), m.cols()));
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) {
                if (c > 0) {
                    sb.append(',');
                }
                sb.append(Float.toString(m.get(r, c)));
            }
            sb.append('\n');
            if (sb.length() > 1 << 16) {
                out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                sb.setLength(0);
            }
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
