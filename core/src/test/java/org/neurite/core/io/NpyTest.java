package org.neurite.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.neurite.core.io.ModelFixtures.assertContains;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NpyTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @Test
    void aMatrixIsWrittenExactlyAsTheNumpyFormatSpecifies() {
        byte[] npy = Npy.write(new float[] {1, -2, 0.5f, 0, 3, -0.25f}, 2, 3);

        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
        byte[] header = concat(new byte[] {(byte) 0x93}, ascii("NUMPY"), new byte[] {1, 0, 118, 0},
                ascii(dict + " ".repeat(128 - 10 - dict.length() - 1) + "\n"));
        byte[] data = {
            0, 0, (byte) 0x80, 0x3f, 0, 0, 0, (byte) 0xc0, 0, 0, 0, 0x3f,
            0, 0, 0, 0, 0, 0, 0x40, 0x40, 0, 0, (byte) 0x80, (byte) 0xbe};
        assertArrayEquals(concat(header, data), npy);
    }

    @Test
    void aVectorHasAOneElementTupleShape() {
        byte[] npy = Npy.write(new float[] {7, 8, 9, 10}, 4);

        String text = new String(npy, 10, 118, StandardCharsets.US_ASCII);
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }", text.strip());
        assertEquals(128 + 16, npy.length);
    }

    @Test
    void theDataAlwaysStartsAtAMultipleOf64BytesAfterAHeaderEndingInANewline() {
        for (int[] shape : new int[][] {{0}, {1}, {1, 2}, {123456, 7890}, {2147483647, 2147483647}, {}}) {
            byte[] header = Npy.header(shape);

            assertEquals(0, header.length % 64, Npy.shapeString(shape));
            assertEquals('\n', header[header.length - 1]);
            assertEquals(header.length - 10, (header[8] & 0xff) | (header[9] & 0xff) << 8);
        }
    }

    @Test
    void readingGivesBackTheExactBitsWritten() {
        float[] values = {Float.intBitsToFloat(0x7fc01234), -0.0f, Float.MIN_VALUE, Float.MAX_VALUE,
            Float.NEGATIVE_INFINITY, 1e-30f};

        Npy.Array a = Npy.read(Npy.write(values, 3, 2));

        assertArrayEquals(new int[] {3, 2}, a.shape());
        for (int i = 0; i < values.length; i++) {
            assertEquals(Float.floatToRawIntBits(values[i]), Float.floatToRawIntBits(a.data()[i]));
        }
    }

    @Test
    void aShapeThatDoesNotHoldTheDataIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Npy.write(new float[5], 2, 3));

        assertEquals("shape (2, 3) holds 6 values but 5 were given", e.getMessage());
    }

    @Test
    void bytesWithoutTheMagicAreRefused() {
        assertContains(assertThrows(IllegalArgumentException.class, () -> Npy.read(ascii("PK\3\4 not npy")))
                .getMessage(), "not a .npy array: it does not start with the magic bytes \\x93NUMPY");
    }

    @Test
    void anotherDtypeIsRefused() {
        byte[] npy = Npy.write(new float[] {1, 2}, 2);
        byte[] f8 = new String(npy, StandardCharsets.ISO_8859_1).replace("<f4", "<f8")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertContains(assertThrows(IllegalArgumentException.class, () -> Npy.read(f8)).getMessage(),
                "the dtype is '<f8' but Neurite arrays are little-endian float32 ('<f4')");
    }

    @Test
    void fortranOrderIsRefused() {
        byte[] npy = Npy.write(new float[] {1, 2}, 1, 2);
        byte[] fortran = new String(npy, StandardCharsets.ISO_8859_1).replace("False", "True ")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertContains(assertThrows(IllegalArgumentException.class, () -> Npy.read(fortran)).getMessage(),
                "the array is in Fortran order; expected C order");
    }

    @Test
    void missingDataIsRefused() {
        byte[] npy = Npy.write(new float[] {1, 2, 3}, 3);

        assertContains(assertThrows(IllegalArgumentException.class,
                () -> Npy.read(Arrays.copyOf(npy, npy.length - 1))).getMessage(),
                "shape (3,) needs 12 bytes of float32 data but 11 follow the header");
        assertContains(assertThrows(IllegalArgumentException.class,
                () -> Npy.read(Arrays.copyOf(npy, 40))).getMessage(), "the array is truncated");
    }
}
