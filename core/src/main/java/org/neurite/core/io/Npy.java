package org.neurite.core.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads and writes numpy {@code .npy} arrays of little-endian float32 ({@code '<f4'}) in C
 * order, format version 1.0, exactly as the
 * <a href="https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html">numpy
 * format specification</a> describes: the magic {@code \x93NUMPY}, the version bytes
 * {@code 1 0}, a little-endian {@code uint16} header length, then an ASCII Python dict
 * literal padded with spaces and ending in {@code '\n'} so that the data starts at a multiple
 * of 64 bytes.
 *
 * <pre>{@code
 * byte[] npy = Npy.write(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);   // np.load gives shape (2, 3)
 * Npy.Array a = Npy.read(npy);                                     // a.shape() is [2, 3]
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Npy {
    /** The six magic bytes every {@code .npy} file starts with. */
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** The data offset is a multiple of this. */
    static final int ALIGNMENT = 64;
    private static final int PREAMBLE = MAGIC.length + 2 + 2;

    private Npy() {
    }

    /**
     * A float32 array read from a {@code .npy} file.
     *
     * @param shape the dimensions, outermost first ({@code [rows, cols]}, or {@code [n]} for a
     *              vector); not copied
     * @param data  the values in C (row-major) order; not copied
     */
    public record Array(int[] shape, float[] data) {
        /** The shape as numpy prints it, such as {@code (2, 3)} or {@code (4,)}. */
        public String shapeString() {
            return Npy.shapeString(shape);
        }
    }

    /**
     * The {@code .npy} bytes of {@code data} with the given shape.
     *
     * @param data  the values in C (row-major) order
     * @param shape the dimensions, outermost first; their product must equal {@code data.length}
     * @throws IllegalArgumentException if the shape does not fit the data
     */
    public static byte[] write(float[] data, int... shape) {
        long size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("a dimension cannot be negative: " + shapeString(shape));
            }
            size *= d;
        }
        if (size != data.length) {
            throw new IllegalArgumentException("shape " + shapeString(shape) + " holds " + size
                    + " values but " + data.length + " were given");
        }
        byte[] header = header(shape);
        ByteBuffer out = ByteBuffer.allocate(header.length + 4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(header);
        for (float v : data) {
            // Raw bits: NaN payloads and -0.0 survive the round trip.
            out.putInt(Float.floatToRawIntBits(v));
        }
        return out.array();
    }

    /**
     * The magic, version and padded header for a {@code '<f4'} C-order array of {@code shape}:
     * everything before the data.
     */
    static byte[] header(int... shape) {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shapeString(shape) + ", }";
        int unpadded = PREAMBLE + dict.length() + 1;
        int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
        String text = dict + " ".repeat(padding) + "\n";
        if (text.length() > 0xFFFF) {
            throw new IllegalArgumentException("the shape " + shapeString(shape) + " is too long for "
                    + "a version 1.0 .npy header");
        }
        ByteBuffer b = ByteBuffer.allocate(PREAMBLE + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        b.put(text.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    /**
     * Parses {@code .npy} bytes holding a little-endian float32 array in C order (format
     * version 1.0 or 2.0).
     *
     * @throws IllegalArgumentException naming what is wrong: not a {@code .npy} file, an
     *                                  unsupported version or dtype, Fortran order, a header
     *                                  numpy would read differently, or a data length that does
     *                                  not match the shape
     */
    public static Array read(byte[] bytes) {
        Header header = header(bytes, bytes.length);
        long available = bytes.length - header.dataOffset();
        header.checkDataLength(available);
        float[] data = new float[(int) header.size()];
        ByteBuffer in = ByteBuffer.wrap(bytes, header.dataOffset(), data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        in.asFloatBuffer().get(data);
        return new Array(header.shape(), data);
    }

    /**
     * Fills {@code values} with little-endian float32 data: first from {@code prefix} from
     * {@code offset} on, then from {@code in}, in chunks, so no second copy of the data is held.
     *
     * @throws IllegalArgumentException if the data ends before {@code values} is full
     */
    static void readData(byte[] prefix, int offset, InputStream in, float[] values) throws IOException {
        InputStream all = new SequenceInputStream(
                new ByteArrayInputStream(prefix, offset, prefix.length - offset), in);
        byte[] chunk = new byte[1 << 16];
        int filled = 0;
        while (filled < values.length) {
            int want = (int) Math.min(chunk.length, (long) (values.length - filled) * 4);
            int n = all.readNBytes(chunk, 0, want);
            if (n < want) {
                throw new IllegalArgumentException("the .npy data ends after " + (filled + n / 4) + " of "
                        + values.length + " values");
            }
            ByteBuffer.wrap(chunk, 0, n).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values, filled, n / 4);
            filled += n / 4;
        }
    }

    /**
     * The parsed header of a {@code .npy} array: its shape and where its data starts.
     *
     * @param shape      the dimensions, outermost first
     * @param dataOffset the offset of the first data byte
     */
    record Header(int[] shape, int dataOffset, Dtype dtype) {
        Header(int[] shape, int dataOffset) {
            this(shape, dataOffset, Dtype.F4);
        }

        /** The number of elements. */
        long size() {
            long size = 1;
            for (int d : shape) {
                size *= d;
            }
            return size;
        }

        /** Fails unless exactly {@code available} bytes of data follow the header. */
        void checkDataLength(long available) {
            if (available != size() * dtype.bytes) {
                throw new IllegalArgumentException("shape " + shapeString(shape) + " needs " + size() * dtype.bytes
                        + " bytes of " + dtype.description + " data but " + available + " follow the header");
            }
        }
    }

    /**
     * Parses the header of a {@code .npy} array from its first bytes: {@code prefix} holds at
     * least the preamble and header (or all of a shorter array), {@code total} is the length of
     * the whole array. The header must be a Python dict literal with exactly the keys
     * {@code 'descr'}, {@code 'fortran_order'} and {@code 'shape'}, each once, as numpy writes it;
     * anything numpy would read differently or refuse (a repeated key, an expression, a header
     * longer than numpy's 10000-byte limit) is refused.
     */
    static Header header(byte[] prefix, long total) {
        return header(prefix, total, false);
    }

    /**
     * As {@link #header(byte[], long)}; with {@code anyNumericDtype} also the other numeric
     * dtypes data files use ({@link Dtype}), else only {@code '<f4'}.
     */
    static Header header(byte[] prefix, long total, boolean anyNumericDtype) {
        if (prefix.length < PREAMBLE || !Arrays.equals(prefix, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IllegalArgumentException("not a .npy array: it does not start with the magic "
                    + "bytes \\x93NUMPY");
        }
        ByteBuffer in = ByteBuffer.wrap(prefix).order(ByteOrder.LITTLE_ENDIAN);
        int major = prefix[6];
        int minor = prefix[7];
        int headerStart;
        long headerLength;
        if (major == 1 && minor == 0) {
            headerLength = Short.toUnsignedInt(in.getShort(8));
            headerStart = PREAMBLE;
        } else if (major == 2 && minor == 0 && prefix.length >= PREAMBLE + 2) {
            headerLength = Integer.toUnsignedLong(in.getInt(8));
            headerStart = PREAMBLE + 2;
        } else {
            throw new IllegalArgumentException(".npy format version " + major + "." + minor
                    + " is not supported; expected 1.0 or 2.0");
        }
        if (headerLength > MAX_HEADER) {
            throw new IllegalArgumentException("the .npy header is " + headerLength + " bytes; numpy reads "
                    + "headers of at most " + MAX_HEADER + " bytes (a float32 array needs about 128)");
        }
        if (headerStart + headerLength > Math.min(prefix.length, total)) {
            throw new IllegalArgumentException("the .npy header claims " + headerLength + " bytes but "
                    + "only " + (Math.min(prefix.length, total) - headerStart) + " follow: the array is truncated");
        }
        String text = new String(prefix, headerStart, (int) headerLength, StandardCharsets.ISO_8859_1);
        Map<String, String> dict = new HeaderParser(text).dict();
        String descr = dict.get("descr");
        Dtype dtype = Dtype.of(descr.substring(1, descr.length() - 1));
        if (!anyNumericDtype && dtype != Dtype.F4) {
            throw new IllegalArgumentException("the dtype is " + descr.replace('"', '\'') + " but Neurite arrays "
                    + "are little-endian float32 ('<f4')");
        }
        if (dtype == null) {
            throw new IllegalArgumentException("the dtype is " + descr.replace('"', '\'') + ", which Neurite does "
                    + "not read; accepted: " + Dtype.accepted() + " (little-endian or single-byte)");
        }
        String fortran = dict.get("fortran_order");
        if (fortran.equals("True")) {
            throw new IllegalArgumentException("the array is in Fortran order; expected C order "
                    + "(fortran_order False)");
        }
        if (!fortran.equals("False")) {
            throw new IllegalArgumentException("the .npy header's 'fortran_order' is " + fortran
                    + "; expected True or False");
        }
        int[] shape = parseShape(dict.get("shape"));
        long size = 1;
        for (int d : shape) {
            size *= d;
            if (size > MAX_ELEMENTS) {
                throw new IllegalArgumentException("the .npy shape " + shapeString(shape) + " has more than "
                        + MAX_ELEMENTS + " elements, more than one Java array holds");
            }
        }
        return new Header(shape, headerStart + (int) headerLength, dtype);
    }

    /** The numeric dtypes a data file's array may have; each value becomes a {@code float}. */
    enum Dtype {
        F4("<f4", 4, "float32"), F8("<f8", 8, "float64"),
        I1("|i1", 1, "int8"), U1("|u1", 1, "uint8"), B1("|b1", 1, "bool"),
        I2("<i2", 2, "int16"), U2("<u2", 2, "uint16"), I4("<i4", 4, "int32"), U4("<u4", 4, "uint32"),
        I8("<i8", 8, "int64"), U8("<u8", 8, "uint64");

        final String descr;
        final int bytes;
        final String description;

        Dtype(String descr, int bytes, String description) {
            this.descr = descr;
            this.bytes = bytes;
            this.description = description;
        }

        /** The dtype of {@code descr} ({@code '<f4'}, {@code '|u1'}; {@code '<u1'} as numpy allows), or null. */
        static Dtype of(String descr) {
            for (Dtype d : values()) {
                if (d.descr.equals(descr) || d.bytes == 1 && ("<" + d.descr.substring(1)).equals(descr)) {
                    return d;
                }
            }
            return null;
        }

        static String accepted() {
            return Arrays.stream(values()).map(d -> "'" + d.descr + "' (" + d.description + ")")
                    .collect(Collectors.joining(", "));
        }

        /** Element {@code i} of little-endian {@code data} as a float. */
        float get(ByteBuffer data, int i) {
            return switch (this) {
                case F4 -> data.getFloat(i * 4);
                case F8 -> (float) data.getDouble(i * 8);
                case I1 -> data.get(i);
                case U1 -> data.get(i) & 0xFF;
                case B1 -> data.get(i) != 0 ? 1f : 0f;
                case I2 -> data.getShort(i * 2);
                case U2 -> data.getShort(i * 2) & 0xFFFF;
                case I4 -> data.getInt(i * 4);
                case U4 -> data.getInt(i * 4) & 0xFFFFFFFFL;
                case I8 -> data.getLong(i * 8);
                case U8 -> unsigned(data.getLong(i * 8));
            };
        }

        private static float unsigned(long v) {
            return v >= 0 ? v : (float) ((v >>> 1) * 2.0 + (v & 1));
        }
    }

    /**
     * Reads a numeric {@code .npy} array of {@code size} bytes from {@code in} as floats: its
     * header is parsed and checked against {@code size} (the shape must need exactly the bytes
     * that follow) before the values are allocated, and the values are read in chunks. Any dtype
     * of {@link Dtype} is accepted and converted to float32 (integers above 2²⁴ round).
     *
     * @param size the length of the whole array in bytes, as the file or archive entry says
     * @throws IllegalArgumentException naming what is wrong, as {@link #read(byte[])} does, or
     *                                  an unsupported dtype
     * @throws IOException              if {@code in} fails
     */
    public static Array readNumeric(InputStream in, long size) throws IOException {
        byte[] prefix = in.readNBytes((int) Math.min(size, MAX_PREFIX));
        Header header = header(prefix, size, true);
        header.checkDataLength(size - header.dataOffset());
        float[] values = new float[(int) header.size()];
        if (header.dtype() == Dtype.F4) {
            readData(prefix, header.dataOffset(), in, values);
            return new Array(header.shape(), values);
        }
        InputStream all = new SequenceInputStream(
                new ByteArrayInputStream(prefix, header.dataOffset(), prefix.length - header.dataOffset()), in);
        int width = header.dtype().bytes;
        byte[] chunk = new byte[(1 << 16) / 8 * width];
        int filled = 0;
        while (filled < values.length) {
            int want = (int) Math.min(chunk.length, (long) (values.length - filled) * width);
            int n = all.readNBytes(chunk, 0, want);
            if (n < want) {
                throw new IllegalArgumentException("the .npy data ends after " + (filled + n / width) + " of "
                        + values.length + " values");
            }
            ByteBuffer data = ByteBuffer.wrap(chunk, 0, n).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n / width; i++) {
                values[filled + i] = header.dtype().get(data, i);
            }
            filled += n / width;
        }
        return new Array(header.shape(), values);
    }

    /** The most elements an array may have: what one {@code float[]} holds. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    /** numpy's {@code max_header_size}: longer headers are refused by {@code np.load}. */
    static final int MAX_HEADER = 10000;
    /** The preamble and the longest header: enough bytes to parse any header. */
    static final int MAX_PREFIX = PREAMBLE + 2 + MAX_HEADER;

    /**
     * A strict reader of the one Python literal a {@code .npy} header holds: a dict of string
     * keys to a string, {@code True}/{@code False}, or a tuple of non-negative decimal integers.
     */
    private static final class HeaderParser {
        private final String text;
        private int at;

        HeaderParser(String text) {
            this.text = text;
        }

        Map<String, String> dict() {
            skipSpace();
            expect('{');
            Map<String, String> out = new LinkedHashMap<>();
            skipSpace();
            while (peek() != '}') {
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                String value = value();
                String k = key.substring(1, key.length() - 1);
                if (!KEYS.contains(k)) {
                    throw bad("the key " + key + " is not one of 'descr', 'fortran_order', 'shape'");
                }
                if (out.put(k, value) != null) {
                    throw bad("the key " + key + " appears twice (numpy would take the last, Neurite refuses "
                            + "the ambiguity)");
                }
                skipSpace();
                if (peek() == ',') {
                    at++;
                    skipSpace();
                } else if (peek() != '}') {
                    throw bad("expected ',' or '}'");
                }
            }
            at++;
            skipSpace();
            if (at != text.length()) {
                throw bad("unexpected text after the dict");
            }
            if (out.size() != KEYS.size()) {
                List<String> missing = new ArrayList<>(KEYS);
                missing.removeAll(out.keySet());
                throw bad("the keys " + missing + " are missing");
            }
            return out;
        }

        private String value() {
            char c = peek();
            if (c == '\'' || c == '"') {
                return string();
            }
            if (c == '(') {
                int close = text.indexOf(')', at);
                if (close < 0) {
                    throw bad("a tuple is not closed");
                }
                String tuple = text.substring(at, close + 1);
                at = close + 1;
                return tuple;
            }
            int start = at;
            while (at < text.length() && Character.isLetter(text.charAt(at))) {
                at++;
            }
            String word = text.substring(start, at);
            if (!word.equals("True") && !word.equals("False")) {
                throw bad("expected a string, a tuple, True or False");
            }
            return word;
        }

        private String string() {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw bad("expected a quoted string");
            }
            int close = text.indexOf(quote, at + 1);
            if (close < 0) {
                throw bad("a string is not closed");
            }
            String s = text.substring(at, close + 1);
            if (s.indexOf('\\') >= 0) {
                throw bad("escapes in strings are not used by numpy's headers");
            }
            at = close + 1;
            return s;
        }

        private void skipSpace() {
            while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\n'
                    || text.charAt(at) == '\t' || text.charAt(at) == '\r')) {
                at++;
            }
        }

        private char peek() {
            if (at >= text.length()) {
                throw bad("the header ends early");
            }
            return text.charAt(at);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw bad("expected '" + c + "'");
            }
            at++;
        }

        private IllegalArgumentException bad(String what) {
            String shown = text.strip();
            if (shown.length() > 200) {
                shown = shown.substring(0, 200) + "…";
            }
            return new IllegalArgumentException("the .npy header is not a dict numpy writes: " + what
                    + " at character " + at + " of " + shown);
        }
    }

    private static final List<String> KEYS = List.of("descr", "fortran_order", "shape");

    private static int[] parseShape(String tuple) {
        String body = tuple.substring(1, tuple.length() - 1).strip();
        if (body.isEmpty()) {
            return new int[0];
        }
        if (body.endsWith(",")) {
            body = body.substring(0, body.length() - 1);
        } else if (!body.contains(",")) {
            throw new IllegalArgumentException("the .npy shape " + tuple + " is not a tuple (a one-element "
                    + "tuple is written (n,))");
        }
        String[] parts = body.split(",", -1);
        int[] shape = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (!part.matches("0|[1-9][0-9]{0,9}")) {
                throw new IllegalArgumentException("the .npy shape " + tuple + " is not a tuple of "
                        + "non-negative decimal integers");
            }
            long d = Long.parseLong(part);
            if (d > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("the .npy shape " + tuple + " has a dimension larger than "
                        + Integer.MAX_VALUE);
            }
            shape[i] = (int) d;
        }
        return shape;
    }

    /** A shape as a Python tuple: {@code (2, 3)}, {@code (4,)} or {@code ()}. */
    static String shapeString(int... shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        return Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", ", "(", ")"));
    }
}
