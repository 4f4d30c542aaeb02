package org.neurite.core.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

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
     *                                  unsupported version or dtype, Fortran order, or a data
     *                                  length that does not match the shape
     */
    public static Array read(byte[] bytes) {
        if (bytes.length < PREAMBLE || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IllegalArgumentException("not a .npy array: it does not start with the magic "
                    + "bytes \\x93NUMPY");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int major = bytes[6];
        int minor = bytes[7];
        int headerStart;
        long headerLength;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(in.getShort(8));
            headerStart = PREAMBLE;
        } else if (major == 2 && bytes.length >= PREAMBLE + 2) {
            headerLength = Integer.toUnsignedLong(in.getInt(8));
            headerStart = PREAMBLE + 2;
        } else {
            throw new IllegalArgumentException(".npy format version " + major + "." + minor
                    + " is not supported; expected 1.0 or 2.0");
        }
        if (headerStart + headerLength > bytes.length) {
            throw new IllegalArgumentException("the .npy header claims " + headerLength + " bytes but "
                    + "only " + (bytes.length - headerStart) + " follow: the array is truncated");
        }
        String header = new String(bytes, headerStart, (int) headerLength, StandardCharsets.ISO_8859_1);
        String descr = find(DESCR, header, "descr");
        if (!descr.equals("<f4")) {
            throw new IllegalArgumentException("the dtype is '" + descr + "' but Neurite arrays are "
                    + "little-endian float32 ('<f4')");
        }
        if (find(FORTRAN, header, "fortran_order").equals("True")) {
            throw new IllegalArgumentException("the array is in Fortran order; expected C order "
                    + "(fortran_order False)");
        }
        int[] shape = parseShape(find(SHAPE, header, "shape"));
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        int dataStart = headerStart + (int) headerLength;
        long available = bytes.length - dataStart;
        if (available != size * 4) {
            throw new IllegalArgumentException("shape " + shapeString(shape) + " needs " + size * 4
                    + " bytes of float32 data but " + available + " follow the header");
        }
        float[] data = new float[(int) size];
        in.position(dataStart);
        for (int i = 0; i < data.length; i++) {
            data[i] = Float.intBitsToFloat(in.getInt());
        }
        return new Array(shape, data);
    }

    private static String find(Pattern pattern, String header, String key) {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException("the .npy header has no valid '" + key + "': "
                    + header.strip());
        }
        return m.group(1);
    }

    private static int[] parseShape(String tuple) {
        String body = tuple.strip();
        if (body.isEmpty()) {
            return new int[0];
        }
        String[] parts = body.endsWith(",") ? body.substring(0, body.length() - 1).split(",") : body.split(",");
        int[] shape = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                shape[i] = Integer.parseInt(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the .npy shape (" + tuple + ") is not a tuple of "
                        + "non-negative integers", e);
            }
            if (shape[i] < 0) {
                throw new IllegalArgumentException("the .npy shape (" + tuple + ") has a negative dimension");
            }
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
